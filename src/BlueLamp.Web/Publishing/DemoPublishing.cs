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
/// Gives the demo contributor posting rights: the North Area, and the demo force's four platform accounts as if they
/// were registered as theirs (the simulator has one account per platform, so there is no separate named account to
/// give them). Their posts still need a comms officer's approval. Added once.
/// </summary>
public sealed class DemoPublishing(BlueLampDbFactory dbs, AuditTrail audit, UserManager<BlueLampUser> users)
{
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
        var contributor = await users.FindByEmailAsync($"{Roles.Contributor.ToLowerInvariant()}@{DemoForce.EmailDomain}");
        if (contributor is null)
            return;
        await using var db = dbs.ForForce(forceId);
        if (await db.PostingRights.AnyAsync(r => r.UserId == contributor.Id, cancellationToken))
            return;
        var north = await db.Areas.AsNoTracking().Where(a => a.Name == "North Area").Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var social = await db.Accounts.AsNoTracking().Where(a => a.Platform != Platform.WebChat).Select(a => a.Id).ToListAsync(cancellationToken);
        db.PostingRights.Add(new PostingRights(Guid.CreateVersion7(), forceId, contributor.Id, north, social, mayPostDirectly: false));
        await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.PostingRightsChanged, null, "BlueLamp (demo set-up)", "user", contributor.Id,
            $"{contributor.Email}: North Area, {social.Count} accounts, posts need approval"), cancellationToken);
    }
}
