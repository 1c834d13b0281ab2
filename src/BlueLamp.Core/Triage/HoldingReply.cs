namespace BlueLamp.Core.Triage;

/// <summary>
/// The safe automatic answer to a life-at-risk message: it says the message has been seen and points anyone in
/// danger to 999. It never implies that help is on its way. A force may word its own, in English and Welsh.
/// </summary>
public static class HoldingReply
{
    public const string English =
        "Thank you for your message. Our team has seen it and is dealing with it now. If you or anyone else is in danger right now, call 999. If you cannot speak, call 999 and press 55 when asked.";

    public const string Welsh =
        "Diolch am eich neges. Mae ein tîm wedi'i gweld ac yn delio â hi nawr. Os ydych chi neu unrhyw un arall mewn perygl ar hyn o bryd, ffoniwch 999. Os na allwch siarad, ffoniwch 999 a phwyso 55 pan ofynnir i chi.";

    /// <summary>Short enough for every platform's private message (Bluesky chat takes 1,000 graphemes).</summary>
    public const int MaxLength = 640;

    /// <summary>Words that promise help is coming, which a holding reply must never do: nobody has read the message yet.</summary>
    private static readonly string[] Promises = ["on their way", "on its way", "help is coming", "officers are coming", "ar eu ffordd", "ar ei ffordd", "will be with you shortly", "dispatched"];

    /// <summary>The shipped holding reply in the person's language ("cy" or "en").</summary>
    public static string For(string? language) => For(language, null, null);

    /// <summary>The holding reply in the person's language, the force's own wording where it has one.</summary>
    public static string For(string? language, string? forceEnglish, string? forceWelsh) =>
        language == "cy" ? forceWelsh ?? Welsh : forceEnglish ?? English;

    /// <summary>Why a force's wording cannot be used, or null when it can (null or empty text means the default).</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (text.Length > MaxLength)
            return $"A holding reply can be at most {MaxLength} characters, so every platform takes it; this one has {text.Length}.";
        if (!text.Contains("999", StringComparison.Ordinal))
            return "A holding reply must tell anyone in danger now to call 999.";
        foreach (var promise in Promises)
        {
            if (text.Contains(promise, StringComparison.OrdinalIgnoreCase))
                return $"A holding reply must not imply that help is on its way (\"{promise}\"): it goes out before anyone has read the message.";
        }
        return null;
    }
}
