using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Records an operator's judgement that a life-at-risk alarm was false against what raised it, so the false alarms of the
/// rules, the model, context, operators and referrals can be counted apart (<see cref="Supervision.AlarmReport"/>).
/// </summary>
public static class AlarmOverturns
{
    /// <summary>
    /// Marks the conversation's standing alarm overturned by <paramref name="user"/> (added to <paramref name="db"/>, saved with
    /// the caller's change) and describes it for the audit trail. An alarm raised before alarms were recorded is recorded
    /// now, its source read from the conversation's automatic assessments.
    /// </summary>
    public static async Task<string> OverturnAsync(BlueLampDb db, Conversation conversation, DeskUser user, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        var alarm = await db.RaisedAlarms.Where(a => a.ConversationId == conversation.Id && a.OverturnedAt == null)
            .OrderByDescending(a => a.RaisedAt).FirstOrDefaultAsync(cancellationToken);
        if (alarm is null)
        {
            var raising = await db.RiskAssessments.AsNoTracking().Where(r => r.ConversationId == conversation.Id && r.LifeAtRisk)
                .OrderBy(r => r.AssessedAt).FirstOrDefaultAsync(cancellationToken);
            var byModel = raising is not null && raising.Indicators().Any(i => i.Name == LifeAtRiskModel.IndicatorName);
            alarm = new RaisedAlarm(Guid.CreateVersion7(), conversation.ForceId, conversation.Id, raising?.MessageId,
                raising is null ? AlarmSource.Operator : byModel ? AlarmSource.Model : AlarmSource.Rules,
                byModel ? raising!.LifeAtRiskModelVersion ?? LifeAtRiskModel.Default.Version : null, raising?.AssessedAt ?? at);
            db.RaisedAlarms.Add(alarm);
        }
        alarm.Overturn(user.UserId, user.DisplayName, reason, at);
        return $"life at risk overturned: the alarm raised by {alarm.Source.Describe()}{(alarm.ModelVersion is { } v ? $" {v}" : "")} at {alarm.RaisedAt:u} was judged false";
    }
}
