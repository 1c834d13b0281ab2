using BlueLamp.Core.Accounts;
using BlueLamp.Core.Forces;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.WebChat;

/// <summary>Finds the web-chat account behind a public address such as <c>/chat/demo</c>.</summary>
public sealed class WebChatDirectory(BlueLampDbFactory dbs)
{
    public async Task<WebChatAccount?> FindAsync(string? forceSlug, CancellationToken cancellationToken = default)
    {
        if (!ForceSlug.IsValid(forceSlug))
            return null;
        Force? force;
        await using (var lookup = dbs.Unscoped())
            force = await lookup.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == forceSlug, cancellationToken);
        if (force is null)
            return null;
        await using var db = dbs.ForForce(force.Id);
        var accountId = await db.Accounts.AsNoTracking()
            .Where(a => a.Platform == Platform.WebChat && a.Status == AccountStatus.Active)
            .OrderBy(a => a.Handle)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return accountId is null ? null : new WebChatAccount(force.Id, force.Slug, force.Name, accountId.Value);
    }
}
