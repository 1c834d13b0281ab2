using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using Microsoft.Extensions.Time.Testing;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>The first-look safety net: every private message is looked at by a person within the limit, whatever its grade.</summary>
public sealed class FirstLookTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
    private readonly Guid _force = Guid.NewGuid();
    private readonly Guid _account = Guid.NewGuid();
    private static readonly FirstLookPolicy ThirtyMinutes = FirstLookPolicy.Default;

    private Conversation New(ConversationKind kind) =>
        new(Guid.NewGuid(), _force, _account, Guid.NewGuid(), kind, "thread", _time.GetUtcNow());

    /// <summary>A message from the public arrives now and the engine assesses it, as intake does.</summary>
    private Message Arrives(Conversation c, string text)
    {
        var now = _time.GetUtcNow();
        var m = Message.Inbound(Guid.NewGuid(), _force, c.Id, _account, Guid.NewGuid().ToString("N"), text, now, now);
        c.Receive(m);
        c.ApplyAutomaticAssessment(RiskAssessment.Record(Guid.NewGuid(), _force, c.Id, m.Id, TriageEngine.Default.Assess(text, new TriageContext(c.Kind)), now), SlaPolicy.Default, now);
        return m;
    }

    [Fact]
    public void An_unread_grade_4_private_message_is_due_within_the_first_look_limit_not_72_hours()
    {
        var c = New(ConversationKind.DirectMessage);
        var arrived = _time.GetUtcNow();
        Arrives(c, "thanks for the info about the road closure");

        Assert.Equal(Grade.ResolvedWithoutDeployment, c.Grade);
        Assert.Equal(arrived.AddHours(72), c.SlaDueAt);
        Assert.Equal(arrived.AddMinutes(30), c.FirstLookDueAt(ThirtyMinutes));
        Assert.Equal(arrived.AddMinutes(30), c.DueAt(ThirtyMinutes));
        // The net changes the deadline only: the grade, its source and life at risk are the engine's.
        Assert.Equal(GradeSource.Engine, c.GradeSource);
        Assert.False(c.LifeAtRisk);
    }

    [Fact]
    public void Opening_the_conversation_records_the_first_look_and_the_grade_deadline_returns()
    {
        var c = New(ConversationKind.DirectMessage);
        var arrived = _time.GetUtcNow();
        Arrives(c, "what time does the front desk open");
        _time.Advance(TimeSpan.FromMinutes(12));

        Assert.True(c.RecordFirstLook(_time.GetUtcNow()));

        Assert.Null(c.FirstLookWaitingSince);
        Assert.Equal(_time.GetUtcNow(), c.FirstLookedAt);
        Assert.Equal(arrived.AddHours(72), c.DueAt(ThirtyMinutes));
        Assert.False(c.RecordFirstLook(_time.GetUtcNow().AddMinutes(1)));
    }

    [Fact]
    public void A_new_message_after_the_look_starts_a_new_first_look_and_a_later_one_never_moves_it_later()
    {
        var c = New(ConversationKind.DirectMessage);
        Arrives(c, "is the station open on sundays");
        _time.Advance(TimeSpan.FromMinutes(5));
        c.RecordFirstLook(_time.GetUtcNow());

        _time.Advance(TimeSpan.FromMinutes(40));
        var second = _time.GetUtcNow();
        Arrives(c, "also lost my wallet in town");
        Assert.Equal(second.AddMinutes(30), c.DueAt(ThirtyMinutes));

        // Still not looked at: a third message keeps the first look where the oldest unread one put it.
        _time.Advance(TimeSpan.FromMinutes(20));
        Arrives(c, "hello?");
        Assert.Equal(second.AddMinutes(30), c.FirstLookDueAt(ThirtyMinutes));
    }

    [Fact]
    public void An_earlier_grade_deadline_stands_the_first_look_never_moves_a_deadline_later()
    {
        var c = New(ConversationKind.DirectMessage);
        var arrived = _time.GetUtcNow();
        Arrives(c, "I can't go on any more, I've got the pills ready and I'm taking them all tonight");

        Assert.Equal(Grade.Emergency, c.Grade);
        Assert.Equal(arrived.AddMinutes(15), c.DueAt(ThirtyMinutes));
        Assert.Equal(arrived.AddMinutes(15), c.DueAt(new FirstLookPolicy(TimeSpan.FromHours(24))));
        Assert.Equal(arrived.AddMinutes(5), c.DueAt(new FirstLookPolicy(TimeSpan.FromMinutes(5))));
    }

    [Theory]
    [InlineData(ConversationKind.CommentThread)]
    [InlineData(ConversationKind.Mention)]
    public void Public_comments_and_mentions_keep_their_grade_deadline_only(ConversationKind kind)
    {
        var c = New(kind);
        var arrived = _time.GetUtcNow();
        Arrives(c, "great work by the officers at the fun day today");

        Assert.Null(c.FirstLookWaitingSince);
        Assert.Null(c.FirstLookDueAt(ThirtyMinutes));
        Assert.Equal(c.SlaDueAt, c.DueAt(ThirtyMinutes));
        Assert.True(c.SlaDueAt > arrived.AddHours(1));
    }

    [Fact]
    public void A_missed_first_look_is_recorded_once_and_only_after_the_limit()
    {
        var c = New(ConversationKind.DirectMessage);
        Arrives(c, "thanks for the info about the road closure");
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.False(c.RecordFirstLookBreach(ThirtyMinutes, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(c.RecordFirstLookBreach(ThirtyMinutes, _time.GetUtcNow()));
        Assert.False(c.RecordFirstLookBreach(ThirtyMinutes, _time.GetUtcNow().AddMinutes(5)));
        Assert.Equal(1, c.FirstLookBreachCount);
        Assert.Equal(0, c.SlaBreachCount);

        // Looked at: the breach is over; a new message that is missed again counts again.
        c.RecordFirstLook(_time.GetUtcNow());
        Assert.Null(c.FirstLookBreachedAt);
        Arrives(c, "hello?");
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.True(c.RecordFirstLookBreach(ThirtyMinutes, _time.GetUtcNow()));
        Assert.Equal(2, c.FirstLookBreachCount);
    }

    [Fact]
    public void The_first_look_waits_after_a_reply_until_someone_opens_the_conversation()
    {
        var c = New(ConversationKind.DirectMessage);
        var arrived = _time.GetUtcNow();
        Arrives(c, "can someone call me back about my car");
        c.Reply(Guid.NewGuid(), "We will call you today.", _time.GetUtcNow().AddMinutes(2), "op", "PC Jones", DeliveryState.Sent);

        // A reply sent without opening it (an answer to a whole surge) is not a look at this person's words.
        Assert.Null(c.SlaDueAt);
        Assert.Equal(arrived.AddMinutes(30), c.DueAt(ThirtyMinutes));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(30, false)]
    [InlineData(1440, false)]
    [InlineData(1441, true)]
    public void A_force_may_set_a_limit_from_one_minute_to_a_day(int minutes, bool refused)
    {
        Assert.Equal(refused, FirstLookPolicy.Problem(TimeSpan.FromMinutes(minutes)) is not null);
    }
}
