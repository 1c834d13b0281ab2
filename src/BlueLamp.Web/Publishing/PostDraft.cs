using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>What the composer (or the JSON API) sends: the wording, images, accounts, and for an appeal its case reference.</summary>
public sealed record PostDraft(
    PostPurpose Purpose,
    string? Body,
    string? WelshBody,
    IReadOnlyList<PostImage>? Images,
    IReadOnlyList<Guid>? AccountIds,
    IReadOnlyDictionary<Platform, string>? Tailored = null,
    string? CaseReference = null,
    bool AcknowledgeContemptWarning = false)
{
    public PostContent ToContent() => new(
        (Body ?? "").Trim(),
        string.IsNullOrWhiteSpace(WelshBody) ? null : WelshBody.Trim(),
        (Images ?? []).Select(i => new PostImage((i.Url ?? "").Trim(), (i.AltText ?? "").Trim())).ToList(),
        Tailored?.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.Trim()));
}
