using System.Globalization;
using System.Text;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Writes what a call handler needs to read first: who, where, what was said, how to reach them, and why. It is what the
/// desk knew when it handed over (or re-opened the handover); a later stand-down or re-grade is shown beside it, never
/// written into it, so the record says what the control room was told.
/// </summary>
public static class HandoverSummary
{
    public static string Write(Person person, PersonIdentity identity, Account account, Conversation conversation, Message message, RiskAssessment? assessment)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Who: {person.DisplayName} ({identity.Platform} user id {identity.PlatformUserId})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Where they wrote: {account.DisplayName} on {account.Platform}, {Describe(conversation.Kind)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"When: {message.SentAt:yyyy-MM-dd HH:mm:ss} UTC");
        if (assessment is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Assessment: grade {(int)assessment.Grade}, {assessment.CategoryCode.Replace('_', ' ')}, person at risk: {assessment.PersonAtRisk}, language: {(assessment.Language == "cy" ? "Welsh" : "English")}");
            var fired = assessment.Indicators().Where(i => i.Discount == nameof(Discount.None)).Select(i => $"\"{i.Text}\"").Distinct().ToList();
            if (fired.Count > 0)
                text.AppendLine(CultureInfo.InvariantCulture, $"Words that raised it: {string.Join(", ", fired)}");
        }
        if (conversation.Grade is { } grade)
            text.AppendLine(CultureInfo.InvariantCulture, $"Desk grade when handed over: {(int)grade}{(conversation.LifeAtRisk ? ", life at risk" : "")}");
        text.AppendLine("What they said:");
        text.AppendLine(message.Text);
        return text.ToString();
    }

    private static string Describe(ConversationKind kind) => kind switch
    {
        ConversationKind.DirectMessage => "private message",
        ConversationKind.CommentThread => "public comment",
        _ => "public mention",
    };
}
