using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Data.Identity;
using BlueLamp.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Publishing;

/// <summary>
/// Gives the demo force something to publish to: the North Area's Facebook Page, Instagram, X and Bluesky accounts,
/// with the platform simulator's ids, and posting rights for the demo contributor in the North Area. Each is added only
/// when missing, so it sits beside whatever the account register adds.
/// </summary>
public sealed class DemoPublishing(BlueLampDbFactory dbs, AuditTrail audit, UserManager<BlueLampUser> users)
{
    private static readonly (Platform Platform, string Handle, string Name)[] Accounts =
    [
        (Platform.Facebook, "104000000000001", "Demo Constabulary North (Facebook)"),
        (Platform.Instagram, "17841400000000001", "Demo Constabulary North (Instagram)"),
        (Platform.X, "1500000000000000001", "Demo Constabulary North (X)"),
        (Platform.Bluesky, "democonstabulary.bsky.social", "Demo Constabulary North (Bluesky)"),
    ];

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        Guid forceId;
        await using (var lookup = dbs.Unscoped())
        {
            var force = await lookup.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == DemoForce.Slug, cancellationToken);
            if (force is null)
                return;
            forceId = force.Id;
        }
        await using var db = dbs.ForForce(forceId);
        var north = await db.Areas.AsNoTracking().Where(a => a.Name == "North Area").Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var added = new List<string>();
        foreach (var (platform, handle, name) in Accounts)
        {
            if (await db.Accounts.AnyAsync(a => a.Platform == platform && a.Handle == handle, cancellationToken))
                continue;
            db.Accounts.Add(new Account(Guid.CreateVersion7(), forceId, north, platform, AccountKind.Area, handle, name));
            added.Add(name);
        }
        var contributor = await users.FindByEmailAsync($"{Roles.Contributor.ToLowerInvariant()}@{DemoForce.EmailDomain}");
        if (contributor is not null && !await db.PostingRights.AnyAsync(r => r.UserId == contributor.Id, cancellationToken))
        {
            db.PostingRights.Add(new PostingRights(Guid.CreateVersion7(), forceId, contributor.Id, north, [], mayPostDirectly: false));
            added.Add($"posting rights for {contributor.Email} in the North Area");
        }
        if (added.Count == 0)
            return;
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostingRightsChanged, null, "BlueLamp (demo set-up)", "force", forceId.ToString("D"),
            "added " + string.Join("; ", added)), cancellationToken);
    }
}
