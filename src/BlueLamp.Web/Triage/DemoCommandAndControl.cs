using System.Collections.Concurrent;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>
/// Demo mode only: a stand-in for the demo force's command-and-control system at <c>/demo/command-and-control</c>, so a
/// newcomer sees a handover go out and come back with an incident number. It checks the signature as a real receiver
/// must (docs/command-and-control.md) and answers the same <c>CAD-n</c> to a repeat of the same idempotency key.
/// </summary>
public sealed class DemoCommandAndControl(BlueLampDbFactory dbs, AuditTrail audit, CommandAndControlSecrets secrets, TimeProvider time)
{
    public const string Path = "/demo/command-and-control";

    private readonly ConcurrentDictionary<string, string> incidents = new(StringComparer.Ordinal);
    private int next = 1000;

    /// <summary>Gives the demo force a link to this receiver, once; an administrator may change it later.</summary>
    public async Task EnsureLinkAsync(string selfAddress, CancellationToken cancellationToken = default)
    {
        if (await DemoForceIdAsync(cancellationToken) is not { } forceId)
            return;
        await using var db = dbs.ForForce(forceId);
        if (await db.CommandAndControlLinks.AnyAsync(cancellationToken))
            return;
        var secret = CommandAndControlSecrets.Generate();
        var url = selfAddress + Path;
        db.CommandAndControlLinks.Add(new CommandAndControlLink(forceId, true, url, secrets.Protect(secret), CommandAndControlLink.HintFor(secret), "BlueLamp (demo set-up)", time.GetUtcNow()));
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.CommandAndControlLinkChanged, null, "BlueLamp (demo set-up)", "force", forceId.ToString("D"),
            $"none → on, {url}; secret set ({CommandAndControlLink.HintFor(secret)})"), cancellationToken);
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (await DemoForceIdAsync(cancellationToken) is not { } forceId)
            return Results.NotFound();
        string? secret;
        await using (var db = dbs.ForForce(forceId))
        {
            var link = await db.CommandAndControlLinks.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            secret = link is null ? null : secrets.Unprotect(link.ProtectedSecret);
        }
        if (secret is null || !HandoverSignature.Verify(secret, request.Headers[HandoverSignature.TimestampHeader], request.Headers[HandoverSignature.SignatureHeader],
                buffer.ToArray(), time.GetUtcNow(), TimeSpan.FromMinutes(5)))
            return Results.Unauthorized();
        var key = request.Headers[HandoverSignature.IdempotencyHeader].ToString();
        if (key.Length == 0)
            return Results.BadRequest(new { error = "Idempotency-Key is required." });
        // An update (stand-down, re-opening) changes a job the receiver already has; only a handover raises an incident.
        if (IsUpdate(buffer.ToArray()))
            return Results.Ok(new { received = true });
        var incident = incidents.GetOrAdd(key, _ => $"CAD-{Interlocked.Increment(ref next)}");
        return Results.Ok(new HandoverReceipt(incident));
    }

    private static bool IsUpdate(byte[] body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("schema", out var schema) && schema.ValueKind == System.Text.Json.JsonValueKind.String
                && schema.GetString() == HandoverUpdateMessage.Version1;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task<Guid?> DemoForceIdAsync(CancellationToken cancellationToken)
    {
        await using var lookup = dbs.Unscoped();
        return await lookup.Forces.AsNoTracking().Where(f => f.Slug == DemoForce.Slug).Select(f => (Guid?)f.Id).SingleOrDefaultAsync(cancellationToken);
    }
}
