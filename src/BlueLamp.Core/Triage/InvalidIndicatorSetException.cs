namespace BlueLamp.Core.Triage;

/// <summary>An indicator set that cannot be used, with what is wrong in words an administrator can act on.</summary>
public sealed class InvalidIndicatorSetException : Exception
{
    public InvalidIndicatorSetException()
    {
    }

    public InvalidIndicatorSetException(string message)
        : base(message)
    {
    }

    public InvalidIndicatorSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
