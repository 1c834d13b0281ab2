using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Core.Tests.Triage;

public sealed class SlaPolicyTests
{
    private static readonly DateTimeOffset Received = new(2025, 6, 1, 23, 50, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData(Grade.Emergency, 15)]
    [InlineData(Grade.Priority, 60)]
    [InlineData(Grade.Scheduled, 24 * 60)]
    [InlineData(Grade.ResolvedWithoutDeployment, 72 * 60)]
    public void The_default_policy_gives_each_grade_its_allowance_from_the_time_received(Grade grade, int minutes)
    {
        Assert.Equal(Received.AddMinutes(minutes), SlaPolicy.Default.DeadlineFor(grade, Received));
    }

    [Theory]
    [InlineData(Grade.Emergency)]
    [InlineData(Grade.Priority)]
    [InlineData(Grade.Scheduled)]
    [InlineData(Grade.ResolvedWithoutDeployment)]
    public void A_welsh_contact_is_never_given_longer_than_an_english_one(Grade grade)
    {
        Assert.True(SlaPolicy.Default.DeadlineFor(grade, Received, "cy") <= SlaPolicy.Default.DeadlineFor(grade, Received, "en"));
    }

    [Fact]
    public void The_default_policy_makes_sense()
    {
        Assert.Null(SlaPolicy.Default.Problem());
    }

    [Fact]
    public void A_policy_giving_an_emergency_longer_than_a_priority_is_a_problem()
    {
        var policy = SlaPolicy.Default with { Emergency = TimeSpan.FromHours(2) };

        Assert.Contains("Grade 2", policy.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_with_a_zero_allowance_is_a_problem()
    {
        Assert.NotNull((SlaPolicy.Default with { Scheduled = TimeSpan.Zero }).Problem());
    }
}
