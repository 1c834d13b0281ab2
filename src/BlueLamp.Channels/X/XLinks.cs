namespace BlueLamp.Channels.X;

/// <summary>Public links to X profiles and posts.</summary>
internal static class XLinks
{
    public static string? Profile(string? username) => username is null ? null : "https://x.com/" + username;

    public static string Post(string? username, string postId) =>
        username is null ? "https://x.com/i/web/status/" + postId : $"https://x.com/{username}/status/{postId}";
}
