using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// The answer to a publishing action: done (with the post it created or changed), or refused with messages by form
/// field, so the composer shows each next to the field to fix. Nothing is saved when refused.
/// </summary>
public sealed record PublishingResult(IReadOnlyDictionary<string, string> Errors, Guid? PostId = null, bool Missing = false, IReadOnlyList<string>? Notes = null)
{
    public bool Succeeded => Errors.Count == 0;

    public string? Error => Errors.Values.FirstOrDefault();

    public static PublishingResult Done(Guid? postId = null, IReadOnlyList<string>? notes = null) => new(new Dictionary<string, string>(), postId, Notes: notes);

    public static PublishingResult Refused(string error, string field = "") => new(new Dictionary<string, string> { [field] = error });

    public static PublishingResult NotFound() => new(new Dictionary<string, string> { [""] = "That post does not exist." }, Missing: true);

    public static PublishingResult Invalid(IEnumerable<PostProblem> problems)
    {
        var errors = new Dictionary<string, string>();
        foreach (var problem in problems)
            errors[problem.Field] = errors.TryGetValue(problem.Field, out var earlier) ? earlier + " " + problem.Message : problem.Message;
        return new PublishingResult(errors);
    }
}
