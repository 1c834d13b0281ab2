using System.Security.Claims;
using BlueLamp.Core.Audit;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Identity;

/// <summary>Writes logins, failed logins, lockouts and logouts to the audit trail of the user's force.</summary>
public sealed class LoginAudit(BlueLampDbFactory dbs, AuditTrail audit, ILogger<LoginAudit> logger)
{
    public Task SucceededAsync(string userName, string method, CancellationToken cancellationToken) =>
        RecordAsync(userName, AuditActions.LoginSucceeded, $"method: {method}", cancellationToken);

    public Task FailedAsync(string userName, string method, CancellationToken cancellationToken) =>
        RecordAsync(userName, AuditActions.LoginFailed, $"wrong {method}", cancellationToken);

    public Task LockedOutAsync(string userName, CancellationToken cancellationToken) =>
        RecordAsync(userName, AuditActions.LoginLockedOut, "too many failed attempts", cancellationToken);

    public async Task LoggedOutAsync(ClaimsPrincipal principal)
    {
        if (DeskUser.From(principal) is not { } user)
            return;
        await using var db = dbs.ForForce(user.ForceId);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.Logout, user.UserId, user.DisplayName, "user", user.UserId));
    }

    private async Task RecordAsync(string userName, string action, string detail, CancellationToken cancellationToken)
    {
        BlueLampUser? user;
        await using (var lookup = dbs.Unscoped())
        {
            var normalised = userName.Trim().ToUpperInvariant();
            user = await lookup.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalised, cancellationToken);
        }
        if (user is null)
        {
            // No force to file it under; the log keeps it without the name typed, which may be personal data.
            logger.LogWarning("Login attempt ({Action}) for an unknown user name", action);
            return;
        }
        await using var db = dbs.ForForce(user.ForceId);
        await audit.SaveWithAuditAsync(db, new AuditEntry(action, user.Id, user.DisplayName, "user", user.Id, detail), cancellationToken);
    }
}
