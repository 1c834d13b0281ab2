namespace BlueLamp.Core.Triage;

/// <summary>
/// The safe automatic answer to a life-at-risk message: it says the message has been seen and points anyone in
/// danger to 999. It never implies that help is on its way.
/// </summary>
public static class HoldingReply
{
    public const string English =
        "Thank you for your message. Our team has seen it and is dealing with it now. If you or anyone else is in danger right now, call 999. If you cannot speak, call 999 and press 55 when asked.";

    public const string Welsh =
        "Diolch am eich neges. Mae ein tîm wedi'i gweld ac yn delio â hi nawr. Os ydych chi neu unrhyw un arall mewn perygl ar hyn o bryd, ffoniwch 999. Os na allwch siarad, ffoniwch 999 a phwyso 55 pan ofynnir i chi.";

    /// <summary>The holding reply in the person's language ("cy" or "en").</summary>
    public static string For(string? language) => language == "cy" ? Welsh : English;
}
