using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>A post as the JSON API receives it; names rather than numbers for purposes and platforms.</summary>
public sealed record PostRequest(
    string? Purpose, string? Body, string? WelshBody, IReadOnlyList<PostImage>? Images, IReadOnlyList<Guid>? AccountIds,
    IReadOnlyDictionary<string, string>? Tailored, string? CaseReference, bool AcknowledgeContemptWarning)
{
    /// <summary>The draft, or the field that could not be read.</summary>
    public (PostDraft? Draft, string? Problem) ToDraft()
    {
        if (!Enum.TryParse<PostPurpose>(Purpose, ignoreCase: true, out var purpose) || !Enum.IsDefined(purpose))
            return (null, $"Choose a purpose: {string.Join(", ", PostPurposes.All)}.");
        var tailored = new Dictionary<Platform, string>();
        foreach (var (name, text) in Tailored ?? new Dictionary<string, string>())
        {
            if (!Enum.TryParse<Platform>(name, ignoreCase: true, out var platform))
                return (null, $"{name} is not a platform.");
            tailored[platform] = text;
        }
        return (new PostDraft(purpose, Body, WelshBody, Images, AccountIds, tailored, CaseReference, AcknowledgeContemptWarning), null);
    }
}
