using BlueLamp.Channels.Common;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>A copy's images read from their addresses for a platform that uploads files (X, Bluesky), within its size limit.</summary>
internal static class ImagesForUpload
{
    public static async Task<(IReadOnlyList<ImageUpload> Images, SendResult? Failure)> ReadAsync(
        ImageDownloader downloader, IReadOnlyList<PostImage> images, long maxBytes, string platformName, CancellationToken cancellationToken)
    {
        var uploads = new List<ImageUpload>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            if (!Uri.TryCreate(images[i].Url, UriKind.Absolute, out var address))
                return ([], SendResult.Failed(PlatformFailure.Refused($"Image {i + 1} has no valid address.")));
            var (image, failure) = await downloader.DownloadAsync(address, images[i].AltText, maxBytes, platformName, i + 1, cancellationToken);
            if (failure is not null)
                return ([], SendResult.Failed(failure));
            uploads.Add(image!);
        }
        return (uploads, null);
    }
}
