using System.Globalization;
using System.Net.Http.Headers;

namespace BlueLamp.Channels.Common;

/// <summary>
/// Reads a post's image from its web address for the platforms that take the file itself (X's media upload, Bluesky's
/// uploadBlob), refusing what is not an image or is over the platform's size limit before anything is uploaded.
/// </summary>
public sealed class ImageDownloader(HttpClient http)
{
    /// <summary>The image, or why it cannot go to <paramref name="platformName"/> (retryable when the address may answer later).</summary>
    public async Task<(ImageUpload? Image, PlatformFailure? Failure)> DownloadAsync(
        Uri address, string altText, long maxBytes, string platformName, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return (null, new PlatformFailure($"Image {number} could not be read from {address}: {e.Message}", Retryable: true, NeedsReconnect: false));
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                return (null, new PlatformFailure($"Image {number} could not be read from {address}: HTTP {(int)response.StatusCode}.",
                    Retryable: (int)response.StatusCode >= 500, NeedsReconnect: false));
            var mimeType = response.Content.Headers.ContentType?.MediaType;
            if (mimeType is null || !mimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                return (null, PlatformFailure.Refused($"Image {number} at {address} is not an image ({mimeType ?? "no type"})."));
            if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
                return (null, TooLarge(number, declared, maxBytes, platformName));
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                    return (null, TooLarge(number, buffer.Length, maxBytes, platformName));
            }
            return (new ImageUpload(buffer.ToArray(), mimeType, altText), null);
        }
    }

    private static PlatformFailure TooLarge(int number, long size, long maxBytes, string platformName) => PlatformFailure.Refused(
        $"Image {number} is {Kilobytes(size)} or more; {platformName} takes images up to {Kilobytes(maxBytes)}: use a smaller image.");

    private static string Kilobytes(long bytes) => (bytes / 1024.0).ToString("#,0", CultureInfo.InvariantCulture) + " KB";
}
