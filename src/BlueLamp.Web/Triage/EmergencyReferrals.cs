using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Web.Contact;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// A platform's own emergency referral (a platform telling the police a user's life may be at risk), entered by the
/// control room or a supervisor, or sent by the platform's own system with the force's referral API key. It goes down
/// the same path as a life-at-risk message: a conversation on the desk, the alarm, a handover; it is marked life at
/// risk whatever its words say.
/// </summary>
public sealed class EmergencyReferrals(BlueLampDbFactory dbs, ContactIntake intake, ConversationCase cases, TimeProvider time)
{
    /// <summary>A referral the control room or a supervisor types in.</summary>
    public Task<DeskResult> ReceiveAsync(DeskUser user, EmergencyReferral referral, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ReceiveAsync(user, referral, $"entered by {user.DisplayName}", cancellationToken);
    }

    /// <summary>A referral a partner system sent to <c>POST /api/referrals/{force}</c> with a valid key of that force.</summary>
    public Task<DeskResult> ReceiveFromPartnerAsync(ReferralKeyHolder holder, EmergencyReferral referral, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return ReceiveAsync(holder.AsActor(), referral, $"sent by {holder.Name} with its referral API key", cancellationToken);
    }

    private async Task<DeskResult> ReceiveAsync(DeskUser user, EmergencyReferral referral, string via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.IsDefined(referral.Platform))
            errors["platform"] = "Name the platform: facebook, instagram, x, bluesky or web_chat (or 1-5).";
        if (string.IsNullOrWhiteSpace(referral.PlatformUserId))
            errors["platformUserId"] = "Give the platform's id of the person (from the referral).";
        if (string.IsNullOrWhiteSpace(referral.Details))
            errors["details"] = "Give what the platform reported.";
        else if (referral.Details.Length > Message.MaxTextLength)
            errors["details"] = $"Keep the details to {Message.MaxTextLength} characters.";
        if (errors.Count > 0)
            return DeskResult.Invalid(errors);

        Guid accountId;
        await using (var db = dbs.ForForce(user.ForceId))
        {
            // The force's account on that platform, or its web chat when it has none there.
            var account = await db.Accounts.AsNoTracking()
                .Where(a => a.Platform == referral.Platform && a.Status == AccountStatus.Active).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken)
                ?? await db.Accounts.AsNoTracking().Where(a => a.Platform == Platform.WebChat).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (account is null)
                return DeskResult.Refused("This force has no account to file the referral under.", "platform");
            accountId = account.Value;
        }

        var now = time.GetUtcNow();
        var text = $"[Emergency referral from {referral.Platform}, {via}] {referral.Details!.Trim()}";
        var received = await intake.ReceiveAsync(user.ForceId, new InboundMessage(accountId, referral.Platform, ConversationKind.DirectMessage,
            $"referral:{referral.Platform}:{referral.PlatformUserId!.Trim()}", referral.PlatformUserId.Trim(), referral.DisplayName,
            $"referral:{Guid.CreateVersion7():N}", text, now), cancellationToken);
        // Whatever the words, a platform's referral is a life at risk: raise it (a no-op when triage already did).
        await cases.RaiseForReferralAsync(user, received.ConversationId, received.MessageId, cancellationToken);
        return DeskResult.Done(received.ConversationId);
    }
}

/// <summary>What a platform's emergency referral says.</summary>
public sealed record EmergencyReferral(Platform Platform, string? PlatformUserId, string? DisplayName, string? Details);
