using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// The force's contributors and their posting rights from the account register, and the one decision taken here:
/// granting or revoking direct posting (posts without a comms officer's approval). Each change is audited with the
/// change in the same transaction; the next post the contributor submits follows it.
/// </summary>
public sealed class PostingRightsRegister(BlueLampDbFactory dbs, AuditTrail audit)
{
    /// <summary>Who decides direct posting: the force's administrators and its comms officers.</summary>
    public const string Managers = Roles.Administrator + "," + Roles.CommsOfficer;

    public async Task<IReadOnlyList<ContributorRights>> ListAsync(Guid forceId, CancellationToken cancellationToken = default)
    {
        List<(string Id, string DisplayName, string? Email)> contributors;
        await using (var lookup = dbs.Unscoped())
        {
            var rows = await (
                    from u in lookup.Users.AsNoTracking()
                    join ur in lookup.UserRoles on u.Id equals ur.UserId
                    join r in lookup.Roles on ur.RoleId equals r.Id
                    where u.ForceId == forceId && r.Name == Roles.Contributor
                    select new { u.Id, u.DisplayName, u.Email })
                .Distinct()
                .ToListAsync(cancellationToken);
            contributors = rows.Select(r => (r.Id, r.DisplayName, (string?)r.Email)).ToList();
        }
        await using var db = dbs.ForForce(forceId);
        var rights = await db.PostingRights.AsNoTracking().ToDictionaryAsync(r => r.UserId, cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return contributors.OrderBy(c => c.DisplayName, StringComparer.CurrentCulture).Select(c =>
        {
            if (!rights.TryGetValue(c.Id, out var r))
                return new ContributorRights(c.Id, c.DisplayName, c.Email, false, null, [], [], false);
            // The accounts they may post to are the policy's answer, so this page never disagrees with the composer.
            var author = new PostAuthor(c.Id, c.DisplayName, IsCommsOfficer: false, r);
            var allowed = accounts.Where(a => PostingPolicy.MayTarget(author, a) is null).OrderBy(a => a.DisplayName).ToList();
            return new ContributorRights(c.Id, c.DisplayName, c.Email, true, r.AreaId is { } area ? areas.GetValueOrDefault(area) : null,
                allowed.Where(a => r.OwnAccountIds.Contains(a.Id)).Select(a => $"{a.DisplayName} ({a.Platform})").ToList(),
                allowed.Where(a => !r.OwnAccountIds.Contains(a.Id)).Select(a => $"{a.DisplayName} ({a.Platform})").ToList(),
                r.MayPostDirectly);
        }).ToList();
    }

    /// <summary>Grants or revokes direct posting; null when done, else why not (nothing changed).</summary>
    public async Task<string?> SetDirectPostingAsync(DeskUser actor, string userId, bool granted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = dbs.ForForce(actor.ForceId);
        var rights = await db.PostingRights.SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        var contributor = (await ListAsync(actor.ForceId, cancellationToken)).FirstOrDefault(c => c.UserId == userId);
        if (contributor is null)
            return "That person is not a contributor of this force.";
        if (rights is null)
            return $"{contributor.DisplayName} has no posting rights registered yet: register their area and accounts first.";
        if (rights.MayPostDirectly == granted)
            return granted ? $"{contributor.DisplayName} may already post directly." : $"{contributor.DisplayName} already needs approval.";
        rights.GrantDirectPosting(granted);
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostingRightsChanged, actor.UserId, actor.DisplayName, "user", userId,
            granted
                ? $"direct posting granted to {contributor.DisplayName}: their posts go out without a comms officer's approval"
                : $"direct posting revoked from {contributor.DisplayName}: their posts need a comms officer's approval"), cancellationToken);
        return null;
    }
}
