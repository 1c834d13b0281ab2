using System.Net;
using System.Text.Json;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Works the outbox of handovers, and of what became of them (stood down, re-opened), to command and control: leases each due one (a conditional update, so two nodes never
/// send it at once), sends it signed through the resilience pipeline (which retries 5xx, 408, 429 and timeouts itself),
/// and records the end: delivered with the incident number the receiver gave, or the error, the attempt count and
/// when it is tried again (back-off doubling to a ceiling). The handover id is the idempotency key of every attempt,
/// so a repeat after a crash or a lost answer is the same incident to the receiver; an update's key is its own id. A
/// handover's messages go strictly in order: an update waits until everything before it was delivered. Every end is audited.
/// </summary>
public sealed class CommandAndControlSender(
    IHttpClientFactory clients,
    BlueLampDbFactory dbs,
    AuditTrail audit,
    IDeskEvents deskEvents,
    CommandAndControlSecrets secrets,
    IHostApplicationLifetime lifetime,
    IOptions<CommandAndControlOptions> options,
    TimeProvider time,
    ILogger<CommandAndControlSender> logger) : BackgroundService
{
    public const string HttpClientName = "command-and-control";

    /// <summary>The name the sender signs its audit entries with.</summary>
    public const string Actor = "BlueLamp (command and control link)";

    private const int MaxAnswerBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly OutboundSignal wake = new();

    /// <summary>Wakes the sender at once (a handover was queued or retried) instead of at its next look.</summary>
    public void Nudge() => wake.Nudge();

    /// <summary>Sends every handover that is due now; returns how many attempts it made.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var attempted = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            List<HandoverDispatch> due;
            await using (var db = dbs.Unscoped())
            {
                // Across forces: each is then sent and recorded within its own force.
                due = await db.HandoverDispatches.IgnoreQueryFilters().AsNoTracking()
                    .Where(d => d.DeliveredAt == null && !d.GaveUp && d.DueAt <= now)
                    .Where(d => !db.HandoverDispatches.Any(e => e.HandoverId == d.HandoverId && e.Sequence < d.Sequence && e.DeliveredAt == null))
                    .OrderBy(d => d.QueuedAt)
                    .Take(20)
                    .ToListAsync(cancellationToken);
            }
            if (due.Count == 0)
                return attempted;
            var made = await Task.WhenAll(due.Select(d => LeaseAndSendAsync(d, now, cancellationToken)));
            attempted += made.Count(m => m);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ChannelBackgroundWork.WorkOutboxAsync(lifetime, wake, options.Value.SendInterval, logger, "The command-and-control outbox", SendDueAsync, stoppingToken);

    /// <summary>
    /// "Retry now" from the control room: a failed handover is due at once (also one the receiver refused); one that was
    /// never queued (opened before the link was turned on) is queued. Refused when it has been delivered or the link is off.
    /// </summary>
    public async Task<DeskResult> RetryNowAsync(DeskUser user, Guid handoverId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        if (!await db.Handovers.AnyAsync(h => h.Id == handoverId, cancellationToken))
            return DeskResult.Missing();
        if (!await db.CommandAndControlLinks.AnyAsync(l => l.Enabled, cancellationToken))
            return DeskResult.Refused("The command-and-control link is turned off for this force; an administrator turns it on.");
        var now = time.GetUtcNow();
        // The first of its messages not yet delivered: the handover itself, or a stand-down or re-opening after it.
        var sent = await db.HandoverDispatches.Where(d => d.HandoverId == handoverId).OrderBy(d => d.Sequence).ToListAsync(cancellationToken);
        var dispatch = sent.FirstOrDefault(d => !d.IsDelivered);
        if (sent.Count == 0)
            db.HandoverDispatches.Add(new HandoverDispatch(Guid.CreateVersion7(), user.ForceId, handoverId, now));
        else if (dispatch is null)
            return DeskResult.Refused($"Command and control already has this handover (delivered at {sent[^1].DeliveredAt:HH:mm:ss}).");
        else if (dispatch.LeasedUntil > now)
            return DeskResult.Refused("BlueLamp is sending it now; wait for the answer.");
        else
            dispatch.RetryNow(now);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.HandoverCommandAndControlRetried, user.UserId, user.DisplayName, "handover", handoverId.ToString("D"),
            dispatch is null ? "queued for command and control" : $"{Describe(dispatch)} sent again after {dispatch.Attempts} attempts; last error: {dispatch.LastError}"), cancellationToken);
        Nudge();
        return DeskResult.Done(handoverId);
    }

    private async Task<bool> LeaseAndSendAsync(HandoverDispatch due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var lease = dbs.ForForce(due.ForceId))
        {
            var leased = await lease.HandoverDispatches
                .Where(d => d.Id == due.Id && d.DeliveredAt == null && !d.GaveUp && d.DueAt == due.DueAt)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.DueAt, now + options.Value.Lease)
                    .SetProperty(d => d.LeasedUntil, now + options.Value.Lease)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            if (leased == 0)
                return false; // another sender has it
        }
        var attempt = await AttemptAsync(due, cancellationToken);
        await RecordAsync(due, attempt, cancellationToken);
        return true;
    }

    private async Task<Attempt> AttemptAsync(HandoverDispatch due, CancellationToken cancellationToken)
    {
        byte[] body;
        CommandAndControlLink? link;
        await using (var db = dbs.ForForce(due.ForceId))
        {
            link = await db.CommandAndControlLinks.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (link is not { Enabled: true })
                return Attempt.Refused("Not sent: the command-and-control link has been turned off for this force.");
            body = due.Kind == HandoverDispatchKind.Handover
                ? JsonSerializer.SerializeToUtf8Bytes(await HandoverMessageWriter.WriteAsync(db, due.HandoverId, time.GetUtcNow(), cancellationToken), Json)
                : JsonSerializer.SerializeToUtf8Bytes(await HandoverUpdateMessage.WriteAsync(db, due, time.GetUtcNow(), cancellationToken), Json);
        }
        if (secrets.Unprotect(link.ProtectedSecret) is not { } secret)
            return Attempt.Refused("Not sent: the signing secret can no longer be read (the encryption keys changed); an administrator must set it again.");

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, link.EndpointUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(HandoverSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(HandoverSignature.SignatureHeader, HandoverSignature.Sign(secret, timestamp, body));
        request.Headers.Add(HandoverSignature.IdempotencyHeader, due.IdempotencyKey.ToString("D"));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
                // Only the handover itself is answered with an incident number; an update's answer is read for nothing.
            return Attempt.Delivered(due.Kind == HandoverDispatchKind.Handover ? await ReadIncidentAsync(response, cancellationToken) : null);
            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".Trim();
            return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                ? Attempt.Failed($"Command and control answered {status}.")
                : Attempt.Refused($"Command and control refused the {Describe(due)}: {status}{(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (check the signing secret on both sides)" : "")}.");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Attempt.Failed($"Command and control could not be reached: {e.Message}");
        }
    }

    private async Task<string?> ReadIncidentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxAnswerBytes)
            return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0 || text.Length > MaxAnswerBytes)
            return null;
        try
        {
            var incident = JsonSerializer.Deserialize<HandoverReceipt>(text, Json)?.IncidentNumber?.Trim();
            if (incident is { Length: > 0 and <= 100 } && !incident.Any(char.IsControl))
                return incident;
            if (!string.IsNullOrEmpty(incident))
                logger.LogWarning("Command and control answered an unusable incident number ({Length} characters); the handover is delivered without it", incident.Length);
            return null;
        }
        catch (JsonException)
        {
            logger.LogWarning("Command and control's answer was not the expected JSON; the handover is delivered without an incident number");
            return null;
        }
    }

    private async Task RecordAsync(HandoverDispatch due, Attempt attempt, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await using var db = dbs.ForForce(due.ForceId);
        var dispatch = await db.HandoverDispatches.SingleAsync(d => d.Id == due.Id, cancellationToken);
        var handover = await db.Handovers.SingleAsync(h => h.Id == due.HandoverId, cancellationToken);
        AuditEntry entry;
        if (attempt.Error is null)
        {
            dispatch.Delivered(attempt.IncidentNumber, at);
            if (attempt.IncidentNumber is { } incident)
                handover.RecordCommandAndControlIncident(incident, at); // only its own columns are written, so a call handler's save at the same moment stands
            entry = new AuditEntry(AuditActions.HandoverSentToCommandAndControl, null, Actor, "handover", due.HandoverId.ToString("D"),
                due.Kind != HandoverDispatchKind.Handover ? $"{Describe(due)} delivered; attempt {dispatch.Attempts}"
                : $"{(attempt.IncidentNumber is null ? "delivered; no incident number given" : $"incident {attempt.IncidentNumber} recorded by the system")}; attempt {dispatch.Attempts}");
        }
        else
        {
            DateTimeOffset? retryAt = attempt.CanRetry
                ? at + HandoverDispatch.BackOff(dispatch.Attempts, options.Value.FirstRetryDelay, options.Value.LongestRetryDelay)
                : null;
            dispatch.Failed(attempt.Error, at, retryAt);
            logger.LogWarning("Handover {HandoverId} ({Kind}) not delivered to command and control (attempt {Attempts}): {Error}", due.HandoverId, due.Kind, dispatch.Attempts, attempt.Error);
            entry = new AuditEntry(AuditActions.HandoverCommandAndControlFailed, null, Actor, "handover", due.HandoverId.ToString("D"),
                $"{Describe(due)}, attempt {dispatch.Attempts}: {attempt.Error} {(retryAt is { } next ? $"Next attempt {next:HH:mm:ss} UTC." : "No further automatic attempt.")}");
        }
        // The handover takes the incident number command and control gave, in the same transaction as the dispatch and
        // its audit entry (a reader never sees one without the other), and only where no call handler recorded one:
        // a conditional statement, run after the audit trail's lock is taken.
        Func<BlueLampDb, CancellationToken, Task>? takeIncidentNumber = attempt.Error is null && attempt.IncidentNumber is { } number
            ? (inTransaction, ct) => inTransaction.Handovers.Where(h => h.Id == due.HandoverId && h.IncidentNumber == null)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.IncidentNumber, number), ct)
            : null;
        await audit.SaveWithAuditAsync(db, [entry], takeIncidentNumber, cancellationToken);
        await deskEvents.PublishAsync(new DeskEvent(due.ForceId, handover.ConversationId, DeskEventKind.HandoverDispatched), cancellationToken);
    }

    private static string Describe(HandoverDispatch dispatch) => dispatch.Kind switch
    {
        HandoverDispatchKind.StandDown => "stand-down",
        HandoverDispatchKind.Reopened => "re-opening",
        _ => "handover",
    };

    private sealed record Attempt(string? IncidentNumber, string? Error, bool CanRetry)
    {
        public static Attempt Delivered(string? incidentNumber) => new(incidentNumber, null, false);

        public static Attempt Failed(string error) => new(null, error, true);

        public static Attempt Refused(string error) => new(null, error, false);
    }
}
