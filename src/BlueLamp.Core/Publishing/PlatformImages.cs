namespace BlueLamp.Core.Publishing;

/// <summary>
/// How many images a platform takes in one post and how large each may be; <paramref name="FirstOnly"/> where BlueLamp
/// publishes only the first (a Facebook photo post, an Instagram image post).
/// </summary>
public sealed record PlatformImages(int MaxCount, long MaxBytes, bool FirstOnly)
{
    public string Describe() => FirstOnly
        ? "only the first image (the platform fetches it from its address)"
        : $"up to {MaxCount} images, each up to {Size(MaxBytes)}";

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1000:#,0} KB";
}
