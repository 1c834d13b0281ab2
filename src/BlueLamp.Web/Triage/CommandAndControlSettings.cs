using BlueLamp.Core.Audit;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Triage;

/// <summary>An administrator's view and change of the force's command-and-control link; the secret is never shown back.</summary>
public sealed class CommandAndControlSettings(BlueLampDbFactory dbs, AuditTrail audit, CommandAndControlSecrets secrets, TimeProvider time)
{
    public async Task<CommandAndControlLinkView> GetAsync(DeskUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var link = await db.CommandAndControlLinks.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.CommandAndControlLinkViewed, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D")), cancellationToken);
        return link is null
            ? new CommandAndControlLinkView(false, null, null, null, null)
            : new CommandAndControlLinkView(link.Enabled, link.EndpointUrl, link.SecretHint, link.UpdatedAt, link.UpdatedByName);
    }

    /// <summary>Checks and saves the link; a bad address or secret is refused by field and nothing changes. A blank secret keeps the one set.</summary>
    public async Task<DeskResult> SaveAsync(DeskUser user, CommandAndControlLinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = dbs.ForForce(user.ForceId);
        var link = await db.CommandAndControlLinks.SingleOrDefaultAsync(cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (CommandAndControlLink.CheckEndpoint(request.EndpointUrl) is { } urlProblem)
            errors["endpointUrl"] = urlProblem;
        var keepSecret = string.IsNullOrWhiteSpace(request.Secret) && link is not null;
        if (!keepSecret && CommandAndControlLink.CheckSecret(request.Secret) is { } secretProblem)
            errors["secret"] = secretProblem;
        if (errors.Count > 0)
            return DeskResult.Invalid(errors);

        var now = time.GetUtcNow();
        var protectedSecret = keepSecret ? link!.ProtectedSecret : secrets.Protect(request.Secret!);
        var hint = keepSecret ? link!.SecretHint : CommandAndControlLink.HintFor(request.Secret!);
        var before = link is null ? "none" : $"{(link.Enabled ? "on" : "off")}, {link.EndpointUrl}";
        if (link is null)
            db.CommandAndControlLinks.Add(new CommandAndControlLink(user.ForceId, request.Enabled, request.EndpointUrl!, protectedSecret, hint, user.DisplayName, now));
        else
            link.Change(request.Enabled, request.EndpointUrl!, protectedSecret, hint, user.DisplayName, now);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.CommandAndControlLinkChanged, user.UserId, user.DisplayName, "force", user.ForceId.ToString("D"),
            $"{before} → {(request.Enabled ? "on" : "off")}, {request.EndpointUrl!.Trim()}; secret {(keepSecret ? "kept" : $"set ({hint})")}"), cancellationToken);
        return DeskResult.Done();
    }
}

/// <summary>The link as an administrator sees it: the secret only as its hint.</summary>
public sealed record CommandAndControlLinkView(bool Enabled, string? EndpointUrl, string? SecretHint, DateTimeOffset? UpdatedAt, string? UpdatedByName);

/// <summary>An administrator's change to the link; <see cref="Secret"/> blank keeps the one set.</summary>
public sealed record CommandAndControlLinkRequest(bool Enabled, string? EndpointUrl, string? Secret);
