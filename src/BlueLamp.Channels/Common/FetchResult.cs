namespace BlueLamp.Channels.Common;

/// <summary>The outcome of reading from a platform (polling, reconciliation): the value, or why it could not be read.</summary>
public sealed record FetchResult<T>
    where T : class
{
    private FetchResult(T? value, PlatformFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public PlatformFailure? Failure { get; }

    public bool IsSuccess => Failure is null;

    public static FetchResult<T> Success(T value) => new(value, null);

    public static FetchResult<T> Failed(PlatformFailure failure) => new(null, failure);
}
