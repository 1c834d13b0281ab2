using BlueLamp.Channels.Meta;

namespace BlueLamp.Channels.Tests.Meta;

public class MessagingWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Within_24_hours_of_the_persons_last_message_a_standard_reply_is_allowed()
    {
        var decision = MessagingWindow.ForReply(Now.AddHours(-23).AddMinutes(-59), Now);

        Assert.Equal(MessagingMode.Standard, decision.Mode);
        Assert.True(decision.Allowed);
    }

    [Fact]
    public void After_24_hours_and_within_7_days_only_a_human_agent_reply_is_allowed()
    {
        Assert.Equal(MessagingMode.HumanAgent, MessagingWindow.ForReply(Now.AddHours(-25), Now).Mode);
        Assert.Equal(MessagingMode.HumanAgent, MessagingWindow.ForReply(Now.AddDays(-7), Now).Mode);
    }

    [Fact]
    public void After_7_days_the_reply_is_refused_with_a_reason_the_operator_can_read()
    {
        var decision = MessagingWindow.ForReply(Now.AddDays(-8), Now);

        Assert.Equal(MessagingMode.Refused, decision.Mode);
        Assert.Contains("8 days", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("7 days", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_who_never_wrote_cannot_be_messaged()
    {
        var decision = MessagingWindow.ForReply(null, Now);

        Assert.False(decision.Allowed);
        Assert.Contains("wrote first", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_reply_is_allowed_for_7_days_after_the_comment()
    {
        Assert.True(MessagingWindow.ForPrivateReply(Now.AddDays(-6), Now).Allowed);
        Assert.False(MessagingWindow.ForPrivateReply(Now.AddDays(-8), Now).Allowed);
    }
}
