namespace BlueLamp.Core.Contact;

/// <summary>
/// The public line posted under a comment that was answered privately, so that everyone reading the thread sees the
/// force answered without seeing what was said. Forces may word their own, in English and Welsh.
/// </summary>
public static class SafePublicLine
{
    public const string DefaultEnglish = "We've sent you a private message.";

    public const string DefaultWelsh = "Rydyn ni wedi anfon neges breifat atoch chi.";

    /// <summary>Short enough for every platform's public reply (X counts 280, Bluesky 300).</summary>
    public const int MaxLength = 200;

    /// <summary>The line in the person's language, the force's own wording where it has one.</summary>
    public static string For(string? language, string? forceEnglish, string? forceWelsh) =>
        language == "cy" ? forceWelsh ?? DefaultWelsh : forceEnglish ?? DefaultEnglish;

    /// <summary>Why a force's wording cannot be used, or null when it can (null text means the default).</summary>
    public static string? Problem(string? text) =>
        text is { Length: > MaxLength } ? $"A safe public line can be at most {MaxLength} characters, so it fits every platform; this one has {text.Length}." : null;
}
