namespace BlueLamp.Core.Publishing;

/// <summary>
/// How many images a platform takes in one post and how large each may be; <paramref name="FetchedByPlatform"/> where
/// the platform reads each image from its address itself (Facebook, Instagram) rather than BlueLamp uploading it.
/// </summary>
public sealed record PlatformImages(int MaxCount, long MaxBytes, bool FetchedByPlatform)
{
    public string Describe() => $"up to {MaxCount} images, each up to {Size(MaxBytes)}" + (FetchedByPlatform ? " (it fetches each from its address)" : "");

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1000:#,0} KB";
}
