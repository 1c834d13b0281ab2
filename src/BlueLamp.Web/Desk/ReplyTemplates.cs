using BlueLamp.Core.Contact;
using BlueLamp.Data;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Desk;

/// <summary>The force's prepared answers, found by typing part of their title or text.</summary>
public sealed class ReplyTemplates(BlueLampDbFactory dbs)
{
    public async Task<IReadOnlyList<ReplyTemplate>> FindAsync(DeskUser user, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbs.ForForce(user.ForceId);
        var all = await db.ReplyTemplates.AsNoTracking().OrderBy(t => t.Language).ThenBy(t => t.Title).ToListAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
            return all;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return all.Where(t => words.All(w => t.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || t.Body.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
    }
}
