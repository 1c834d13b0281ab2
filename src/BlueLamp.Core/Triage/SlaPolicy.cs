namespace BlueLamp.Core.Triage;

/// <summary>
/// How long the desk has to respond to a contact of each grade. Welsh and English contacts get the same
/// deadline: the Welsh Language Standards forbid treating a Welsh contact less favourably, so there is
/// deliberately no per-language allowance to set.
/// </summary>
/// <param name="Name">The policy's name, shown on the desk and in reports.</param>
/// <param name="Emergency">Grade 1.</param>
/// <param name="Priority">Grade 2.</param>
/// <param name="Scheduled">Grade 3.</param>
/// <param name="ResolvedWithoutDeployment">Grade 4.</param>
public sealed record SlaPolicy(string Name, TimeSpan Emergency, TimeSpan Priority, TimeSpan Scheduled, TimeSpan ResolvedWithoutDeployment)
{
    /// <summary>BlueLamp's default: 15 minutes, 1 hour, 24 hours, 72 hours.</summary>
    public static SlaPolicy Default { get; } = new(
        "BlueLamp default",
        TimeSpan.FromMinutes(15),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(24),
        TimeSpan.FromHours(72));

    /// <summary>The time allowed for a grade.</summary>
    public TimeSpan AllowanceFor(Grade grade) => grade switch
    {
        Grade.Emergency => Emergency,
        Grade.Priority => Priority,
        Grade.Scheduled => Scheduled,
        Grade.ResolvedWithoutDeployment => ResolvedWithoutDeployment,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Not a grade."),
    };

    /// <summary>When a response is due for a contact of this grade received at <paramref name="receivedAt"/>.</summary>
    public DateTimeOffset DeadlineFor(Grade grade, DateTimeOffset receivedAt) => receivedAt + AllowanceFor(grade);

    /// <summary>
    /// When a response is due for a contact in <paramref name="language"/> ("cy" or "en"). The same as
    /// <see cref="DeadlineFor(Grade, DateTimeOffset)"/> by design: the language is taken so callers state it and a
    /// reader sees that Welsh is never given longer.
    /// </summary>
    public DateTimeOffset DeadlineFor(Grade grade, DateTimeOffset receivedAt, string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return DeadlineFor(grade, receivedAt);
    }

    /// <summary>
    /// Checks the policy makes sense: every allowance positive, and a more urgent grade never given longer
    /// than a less urgent one. Returns the problem in words, or null.
    /// </summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Name))
            return "An SLA policy needs a name.";
        TimeSpan[] inOrder = [Emergency, Priority, Scheduled, ResolvedWithoutDeployment];
        for (var i = 0; i < inOrder.Length; i++)
        {
            if (inOrder[i] <= TimeSpan.Zero)
                return $"The allowance for grade {i + 1} must be longer than zero.";
            if (i > 0 && inOrder[i] < inOrder[i - 1])
                return $"Grade {i + 1} is less urgent than grade {i} but has a shorter allowance.";
        }
        return null;
    }
}
