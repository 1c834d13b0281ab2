namespace BlueLamp.Core.Forces;

/// <summary>A police force: the tenant every other record belongs to.</summary>
public sealed class Force
{
    private Force() { Slug = ""; Name = ""; }

    public Force(Guid id, string slug, string name, DateTimeOffset createdAt)
    {
        if (!ForceSlug.IsValid(slug))
            throw new ArgumentException($"'{slug}' is not a valid force slug: use 2-40 lowercase letters, digits or hyphens.", nameof(slug));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Slug = slug;
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The short name used in public addresses, e.g. <c>/chat/demo</c>.</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The force's own public line posted when a comment is answered privately, in English; null for the default.</summary>
    public string? SafePublicLineEnglish { get; private set; }

    /// <summary>The same in Welsh; null for the default.</summary>
    public string? SafePublicLineWelsh { get; private set; }

    /// <summary>Sets the safe public lines (empty restores the default); returns the reason when one is refused, changing nothing.</summary>
    public string? SetSafePublicLines(string? english, string? welsh)
    {
        var en = string.IsNullOrWhiteSpace(english) ? null : english.Trim();
        var cy = string.IsNullOrWhiteSpace(welsh) ? null : welsh.Trim();
        if ((Contact.SafePublicLine.Problem(en) ?? Contact.SafePublicLine.Problem(cy)) is { } problem)
            return problem;
        SafePublicLineEnglish = en;
        SafePublicLineWelsh = cy;
        return null;
    }

    /// <summary>The shortest and longest time a force may give the control room to acknowledge a handover.</summary>
    public static readonly TimeSpan ShortestHandoverLimit = TimeSpan.FromSeconds(30), LongestHandoverLimit = TimeSpan.FromMinutes(15);

    /// <summary>The force's own holding reply to a life-at-risk message, in English; null for the default.</summary>
    public string? HoldingReplyEnglish { get; private set; }

    /// <summary>The same in Welsh; null for the default.</summary>
    public string? HoldingReplyWelsh { get; private set; }

    /// <summary>Seconds the control room has to acknowledge a handover before it escalates; null for the deployment's default (2 minutes).</summary>
    public int? HandoverAcknowledgeSeconds { get; private set; }

    /// <summary>Sets the holding replies (empty restores the default); returns the reason when one is refused, changing nothing.</summary>
    public string? SetHoldingReplies(string? english, string? welsh)
    {
        var en = string.IsNullOrWhiteSpace(english) ? null : english.Trim();
        var cy = string.IsNullOrWhiteSpace(welsh) ? null : welsh.Trim();
        if ((Triage.HoldingReply.Problem(en) ?? Triage.HoldingReply.Problem(cy)) is { } problem)
            return problem;
        HoldingReplyEnglish = en;
        HoldingReplyWelsh = cy;
        return null;
    }

    /// <summary>Sets the time the control room has to acknowledge (null restores the default); refused outside 30 s to 15 min.</summary>
    public string? SetHandoverAcknowledgeLimit(TimeSpan? limit)
    {
        if (limit is { } given && (given < ShortestHandoverLimit || given > LongestHandoverLimit))
            return $"Give the control room between {ShortestHandoverLimit.TotalSeconds:0} seconds and {LongestHandoverLimit.TotalMinutes:0} minutes to acknowledge.";
        HandoverAcknowledgeSeconds = limit is { } set ? (int)set.TotalSeconds : null;
        return null;
    }

    /// <summary>Minutes within which an operator must look at every private message; null for the default (30 minutes).</summary>
    public int? FirstLookMinutes { get; private set; }

    /// <summary>The force's first-look safety net for private messages.</summary>
    public Triage.FirstLookPolicy FirstLook => Triage.FirstLookPolicy.FromMinutes(FirstLookMinutes);

    /// <summary>Sets the first-look limit in whole minutes (null restores the default); refused outside 1 minute to 24 hours, changing nothing.</summary>
    public string? SetFirstLookLimit(int? minutes)
    {
        if (minutes is { } given && Triage.FirstLookPolicy.Problem(TimeSpan.FromMinutes(given)) is { } problem)
            return problem;
        FirstLookMinutes = minutes;
        return null;
    }

    /// <summary>
    /// The force's administrator switched the life-at-risk model off: its messages are assessed by the rules alone. Off is
    /// stored (not on) so that every force, existing or new, starts with the model on.
    /// </summary>
    public bool LifeAtRiskModelOff { get; private set; }

    /// <summary>Whether the force's messages are assessed with the life-at-risk model beside the rules (the default).</summary>
    public bool UsesLifeAtRiskModel => !LifeAtRiskModelOff;

    /// <summary>Switches the life-at-risk model on or off for the force's messages from the next one on; false when it already was.</summary>
    public bool SwitchLifeAtRiskModel(bool on)
    {
        if (UsesLifeAtRiskModel == on)
            return false;
        LifeAtRiskModelOff = !on;
        return true;
    }
}
