namespace BlueLamp.Web.Desk;

/// <summary>
/// The answer to a desk action: done, or refused with messages the operator can act on (by form field where
/// one is to blame). Bugs are exceptions; these are not.
/// </summary>
public sealed record DeskResult(IReadOnlyDictionary<string, string> Errors, bool ConversationMissing = false, Guid? CreatedId = null)
{
    public bool Succeeded => Errors.Count == 0;

    public string? Error => Errors.Values.FirstOrDefault();

    public static DeskResult Done(Guid? createdId = null) => new(new Dictionary<string, string>(), CreatedId: createdId);

    public static DeskResult Refused(string error, string field = "") => new(new Dictionary<string, string> { [field] = error });

    public static DeskResult Invalid(IReadOnlyDictionary<string, string> errors) => new(errors);

    public static DeskResult Missing() => new(new Dictionary<string, string> { [""] = "That conversation does not exist." }, ConversationMissing: true);
}
