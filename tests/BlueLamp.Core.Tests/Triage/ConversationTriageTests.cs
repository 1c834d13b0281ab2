using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Tests.Triage;

public sealed class ConversationTriageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    private readonly Guid _force = Guid.NewGuid();
    private readonly Guid _account = Guid.NewGuid();

    private (Conversation Conversation, Message Message) Received(string text)
    {
        var c = new Conversation(Guid.NewGuid(), _force, _account, Guid.NewGuid(), ConversationKind.DirectMessage, "t", T0);
        var m = Message.Inbound(Guid.NewGuid(), _force, c.Id, _account, Guid.NewGuid().ToString(), text, T0, T0);
        c.Receive(m);
        return (c, m);
    }

    private static RiskAssessment Assessment(Conversation c, Message m, string text) =>
        RiskAssessment.Record(Guid.NewGuid(), c.ForceId, c.Id, m.Id, TriageEngine.Default.Assess(text, TriageContext.DirectMessage), T0);

    private ThriveAssessment Thrive(Conversation c, Grade grade) =>
        ThriveAssessment.Record(Guid.NewGuid(), _force, c.Id, new ThriveFields("t", "h", "r", "i", "v", "e", "because"), grade, c.Grade, "op", "PC", T0.AddMinutes(5)).Assessment!;

    [Fact]
    public void The_engine_never_lowers_a_grade_an_operator_raised()
    {
        var (c, m) = Received("my bike was nicked");
        c.ApplyAutomaticAssessment(Assessment(c, m, "my bike was nicked"), SlaPolicy.Default, T0);
        c.Assess(Thrive(c, Grade.Priority), SlaPolicy.Default, ReassessmentPolicy.Default);

        var next = Message.Inbound(Guid.NewGuid(), _force, c.Id, _account, "m2", "thanks for the help", T0.AddMinutes(10), T0.AddMinutes(10));
        c.Receive(next);
        c.ApplyAutomaticAssessment(Assessment(c, next, "thanks for the help"), SlaPolicy.Default, T0.AddMinutes(10));

        Assert.Equal(Grade.Priority, c.Grade);
        Assert.Equal(GradeSource.Operator, c.GradeSource);
    }

    [Fact]
    public void Life_at_risk_raises_an_operators_lower_grade_and_is_never_cleared()
    {
        var (c, m) = Received("hello");
        c.Assess(Thrive(c, Grade.ResolvedWithoutDeployment), SlaPolicy.Default, ReassessmentPolicy.Default);
        var risk = Message.Inbound(Guid.NewGuid(), _force, c.Id, _account, "m2", "im going to kill myself tonight", T0.AddMinutes(6), T0.AddMinutes(6));
        c.Receive(risk);

        Assert.True(c.ApplyAutomaticAssessment(Assessment(c, risk, risk.Text), SlaPolicy.Default, T0.AddMinutes(6)));
        Assert.Equal(Grade.Emergency, c.Grade);

        var calm = Message.Inbound(Guid.NewGuid(), _force, c.Id, _account, "m3", "ok", T0.AddMinutes(7), T0.AddMinutes(7));
        c.Receive(calm);
        Assert.False(c.ApplyAutomaticAssessment(Assessment(c, calm, "ok"), SlaPolicy.Default, T0.AddMinutes(7)));
        Assert.True(c.LifeAtRisk);
        Assert.Equal(Grade.Emergency, c.Grade);
        _ = m;
    }

    [Fact]
    public void A_priority_assessment_is_due_for_review_after_45_minutes_and_grade_4_never()
    {
        var (c, _) = Received("my neighbour is being threatened");
        c.Assess(Thrive(c, Grade.Priority), SlaPolicy.Default, ReassessmentPolicy.Default);
        Assert.Equal(T0.AddMinutes(5).AddMinutes(45), c.ReviewDueAt);

        c.Assess(Thrive(c, Grade.ResolvedWithoutDeployment), SlaPolicy.Default, ReassessmentPolicy.Default);
        Assert.Null(c.ReviewDueAt);
    }

    [Fact]
    public void A_grade_1_conversation_cannot_close_before_the_control_room_acknowledges()
    {
        var (c, _) = Received("someone is stabbing people in the street");
        c.Assess(Thrive(c, Grade.Emergency), SlaPolicy.Default, ReassessmentPolicy.Default);

        Assert.Contains("control room", c.Close(Outcome.HandedToControlRoom, "PC", T0.AddMinutes(9)), StringComparison.Ordinal);
        c.RecordHandoverAcknowledged(T0.AddMinutes(8));
        Assert.Null(c.Close(Outcome.HandedToControlRoom, "PC", T0.AddMinutes(9)));
    }
}
