namespace BlueLamp.Core.Publishing;

/// <summary>
/// The rule of what a change of case status requires. A found person's details must come down (privacy); once a
/// suspect is arrested or charged, proceedings are active (Contempt of Court Act 1981) and every copy naming or
/// showing them must come down; an identification appeal that has done its work comes down; a closed case needs no
/// appeal.
/// </summary>
public static class AppealRules
{
    public const string FoundThankYou = "UPDATE: the person we appealed for help to find has been found. Thank you to everyone who shared our appeal.";

    public static readonly TimeSpan ReviewPeriod = TimeSpan.FromDays(28);

    /// <summary>The statuses an appeal of this purpose may move to.</summary>
    public static IReadOnlyList<CaseStatus> StatusesFor(PostPurpose purpose) => purpose == PostPurpose.MissingPersonAppeal
        ? [CaseStatus.Open, CaseStatus.Found, CaseStatus.Closed]
        : [CaseStatus.Open, CaseStatus.SuspectIdentified, CaseStatus.Arrested, CaseStatus.Charged, CaseStatus.Closed];

    /// <summary>What moving from <paramref name="from"/> to <paramref name="to"/> requires; null with a reason when the move makes no sense.</summary>
    public static (AppealAction? Action, string? Refusal) Required(PostPurpose purpose, CaseStatus from, CaseStatus to)
    {
        if (!purpose.IsAppeal())
            return (null, "Only appeals have a case status.");
        if (from == to)
            return (null, $"The case is already {Describe(to)}.");
        if (!StatusesFor(purpose).Contains(to))
            return (null, purpose == PostPurpose.MissingPersonAppeal
                ? "A missing-person case can be open, found or closed."
                : "Only a missing-person appeal can be marked found.");
        var action = to switch
        {
            CaseStatus.Found => new AppealAction(AppealActionKind.RemoveEveryCopy,
                "The person is found: their name and image must come down from every account (privacy). Delete every copy, or replace it with a short \"found, thank you\" update without their name or image.",
                MayReplace: true, SuggestedReplacement: FoundThankYou),
            CaseStatus.Arrested or CaseStatus.Charged => new AppealAction(AppealActionKind.RemoveEveryCopy,
                "Proceedings are now active (Contempt of Court Act 1981): every copy naming or showing the suspect must come down from every account now, and comments on the case's other posts that stay up are turned off where the platform allows. The removal is recorded.",
                CloseCommentsOnRelated: true),
            CaseStatus.SuspectIdentified when purpose == PostPurpose.CrimeAppeal => new AppealAction(AppealActionKind.RemoveEveryCopy,
                "The suspect is identified: the identification appeal has done its work and its images come down from every account."),
            CaseStatus.Closed => new AppealAction(AppealActionKind.RemoveEveryCopy,
                "The case is closed: the appeal is no longer needed and comes down from every account."),
            _ => AppealAction.Nothing("The appeal stays up."),
        };
        return (action, null);
    }

    public static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.Open => "open",
        CaseStatus.SuspectIdentified => "suspect identified",
        CaseStatus.Arrested => "suspect arrested",
        CaseStatus.Charged => "suspect charged",
        CaseStatus.Found => "found",
        CaseStatus.Closed => "closed",
        _ => status.ToString(),
    };
}
