using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Control;

/// <summary>
/// A stand-in for the public web, where a post's images live: GET /simulator/web/images/{name} answers a small PNG
/// (padded to <c>kb</c> kilobytes when asked, to try a platform's size limit), so X and Bluesky uploads work offline.
/// </summary>
public static class SampleImages
{
    public const string Path = "simulator/web/images/{name}";

    // A 1×1 blue PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static IResult Serve(string name, int? kb)
    {
        if (!name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase))
        {
            return Results.NotFound();
        }
        var size = Math.Clamp((kb ?? 0) * 1024, Png.Length, 20 * 1024 * 1024);
        var bytes = new byte[size];
        Png.CopyTo(bytes, 0);
        return Results.File(bytes, "image/png");
    }
}
