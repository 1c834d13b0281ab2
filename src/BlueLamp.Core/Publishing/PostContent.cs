using BlueLamp.Core.Accounts;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// What a post says: the English body, the optional Welsh body, images with alt text, and per-platform wording where
/// one platform needs a shorter or different text (X's 280, Bluesky's 300). One version of it is what gets approved.
/// </summary>
public sealed record PostContent(string Body, string? WelshBody, IReadOnlyList<PostImage> Images, IReadOnlyDictionary<Platform, string>? Tailored = null)
{
    public bool HasWelsh => !string.IsNullOrWhiteSpace(WelshBody);

    /// <summary>The languages the post goes out in: English, and Welsh with it when there is a Welsh body.</summary>
    public IReadOnlyList<PostLanguage> Languages => HasWelsh ? [PostLanguage.English, PostLanguage.Welsh] : [PostLanguage.English];

    /// <summary>The text for one platform in one language: the tailored English wording when there is one, else the body.</summary>
    public string TextFor(Platform platform, PostLanguage language)
    {
        if (language == PostLanguage.Welsh)
            return WelshBody?.Trim() ?? "";
        return Tailored is not null && Tailored.TryGetValue(platform, out var tailored) && !string.IsNullOrWhiteSpace(tailored)
            ? tailored.Trim()
            : Body.Trim();
    }
}
