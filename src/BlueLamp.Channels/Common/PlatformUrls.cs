namespace BlueLamp.Channels.Common;

/// <summary>Joins a configured base URL and a path, keeping any path the base has (the simulator may serve each platform under its own prefix).</summary>
internal static class PlatformUrls
{
    public static Uri Combine(Uri baseUrl, string relative)
    {
        var text = baseUrl.ToString();
        var withSlash = text.EndsWith('/') ? baseUrl : new Uri(text + "/");
        return new Uri(withSlash, relative.TrimStart('/'));
    }
}
