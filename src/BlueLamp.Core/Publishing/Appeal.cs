using System.Text.RegularExpressions;
using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// A post tied to a case reference, with the case's status, the SIO's or OIC's authorisation (no appeal is published
/// without it), and a review date set at publication (28 days by default), after which comms is asked to review it.
/// </summary>
public sealed partial class Appeal : IForceOwned
{
    private Appeal()
    {
        CaseReference = "";
    }

    public Appeal(Guid id, Guid forceId, Guid postId, string caseReference, DateTimeOffset now)
    {
        if (!IsValidReference(caseReference))
            throw new ArgumentException("A case reference is letters, digits, spaces, / and -.", nameof(caseReference));
        Id = id;
        ForceId = forceId;
        PostId = postId;
        CaseReference = caseReference.Trim().ToUpperInvariant();
        CaseStatus = CaseStatus.Open;
        StatusChangedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public Guid PostId { get; private set; }

    /// <summary>The crime or occurrence number the appeal is about, e.g. "2600012345".</summary>
    public string CaseReference { get; private set; }

    public CaseStatus CaseStatus { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    public string? StatusChangedByName { get; private set; }

    public AppealAuthorisation? Authorisation { get; private set; }

    /// <summary>Set at publication; when it passes the appeal is flagged to comms for review.</summary>
    public DateTimeOffset? ReviewDueAt { get; private set; }

    public DateTimeOffset? ReviewFlaggedAt { get; private set; }

    /// <summary>The "found, thank you" post that replaced the appeal, when one did.</summary>
    public Guid? ReplacementPostId { get; private set; }

    public bool IsAuthorised => Authorisation is { Decision: AuthorisationDecision.Approved };

    /// <summary>Proceedings are active (arrest or charge) or the case is still being investigated.</summary>
    public bool IsCaseActive => CaseStatus is not (CaseStatus.Found or CaseStatus.Closed);

    public static bool IsValidReference(string? reference) => reference is not null && Reference().IsMatch(reference.Trim());

    /// <summary>Records the SIO's or OIC's decision; the complete record or the fields missing from it.</summary>
    public IReadOnlyList<PostProblem> Authorise(AppealAuthorisation authorisation)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        var problems = authorisation.Problems();
        if (problems.Count == 0)
            Authorisation = authorisation with
            {
                OfficerName = authorisation.OfficerName.Trim(),
                Rationale = authorisation.Rationale.Trim(),
                RiskAssessment = authorisation.RiskAssessment.Trim(),
            };
        return problems;
    }

    /// <summary>Starts the review clock when the appeal is published.</summary>
    public void StartReviewClock(DateTimeOffset publishedAt, TimeSpan? period = null)
    {
        ReviewDueAt ??= publishedAt + (period ?? AppealRules.ReviewPeriod);
    }

    /// <summary>Flags the appeal for review once its review date has passed; true when it was flagged just now.</summary>
    public bool FlagForReviewIfDue(DateTimeOffset now)
    {
        if (ReviewDueAt is not { } due || due > now || ReviewFlaggedAt is not null || !IsCaseActive)
            return false;
        ReviewFlaggedAt = now;
        return true;
    }

    /// <summary>Comms reviewed the appeal and keeps it up: the next review is one period from now.</summary>
    public void Reviewed(DateTimeOffset now, TimeSpan? period = null)
    {
        ReviewDueAt = now + (period ?? AppealRules.ReviewPeriod);
        ReviewFlaggedAt = null;
    }

    /// <summary>Moves the case on and returns what that requires of the copies (or why the move was refused).</summary>
    public (AppealAction? Action, string? Refusal) ChangeStatus(PostPurpose purpose, CaseStatus to, string byName, DateTimeOffset now)
    {
        var (action, refusal) = AppealRules.Required(purpose, CaseStatus, to);
        if (refusal is not null)
            return (null, refusal);
        CaseStatus = to;
        StatusChangedAt = now;
        StatusChangedByName = byName;
        if (!IsCaseActive)
            ReviewFlaggedAt = null;
        return (action, null);
    }

    public void ReplacedBy(Guid postId) => ReplacementPostId = postId;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 /-]{2,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
