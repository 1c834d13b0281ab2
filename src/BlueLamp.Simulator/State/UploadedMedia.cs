using System.Collections.Concurrent;

namespace BlueLamp.Simulator.State;

/// <summary>
/// Images BlueLamp uploaded before posting (X's /2/media/upload, Bluesky's uploadBlob), by their media id or blob CID,
/// with the alt text X's media metadata gave them, until a post attaches them.
/// </summary>
public sealed class UploadedMedia
{
    private readonly ConcurrentDictionary<string, Upload> uploads = new(StringComparer.Ordinal);

    public void Add(string id, SimulatedPlatform platform, string mimeType, int size) => uploads[id] = new Upload(platform, mimeType, size, null);

    public Upload? Find(string id, SimulatedPlatform platform) => uploads.TryGetValue(id, out var upload) && upload.Platform == platform ? upload : null;

    public bool SetAltText(string id, SimulatedPlatform platform, string altText)
    {
        if (Find(id, platform) is not { } upload)
        {
            return false;
        }
        uploads[id] = upload with { AltText = altText };
        return true;
    }

    public sealed record Upload(SimulatedPlatform Platform, string MimeType, int Size, string? AltText);
}
