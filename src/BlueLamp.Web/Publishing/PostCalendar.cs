using BlueLamp.Core.Publishing;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Publishing;

/// <summary>The force's scheduled and published posts, one entry per account, to see the week by account and purpose.</summary>
public sealed class PostCalendar(BlueLampDbFactory dbs)
{
    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(Guid forceId, DateTimeOffset from, DateTimeOffset to, Guid? accountId = null, PostPurpose? purpose = null, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.ForForce(forceId);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Scheduled || p.Status == PostStatus.Held || p.Status == PostStatus.Publishing || p.Status == PostStatus.Published || p.Status == PostStatus.Withdrawn)
            .Where(p => (p.PublishedAt ?? p.ScheduledFor) >= from && (p.PublishedAt ?? p.ScheduledFor) < to)
            .Where(p => purpose == null || p.Purpose == purpose)
            .ToListAsync(cancellationToken);
        var postIds = posts.Select(p => p.Id).ToList();
        var copies = await db.PostCopies.AsNoTracking().Where(c => postIds.Contains(c.PostId) && c.Language == PostLanguage.English).ToListAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        var responses = await PostResponses.CountsAsync(db, postIds, cancellationToken);
        var entries = new List<CalendarEntry>();
        foreach (var post in posts)
        {
            foreach (var id in post.AccountIds.Where(id => accountId is null || id == accountId))
            {
                if (!accounts.TryGetValue(id, out var account))
                    continue;
                var copy = copies.FirstOrDefault(c => c.PostId == post.Id && c.AccountId == id);
                entries.Add(new CalendarEntry(post.Id, post.PublishedAt ?? post.ScheduledFor!.Value, id, account.DisplayName, account.Platform, post.Purpose, post.Status,
                    PostDesk.Excerpt((post.ApprovedContent ?? post.Content).TextFor(account.Platform, PostLanguage.English)), copy?.State,
                    responses.GetValueOrDefault((post.Id, id))));
            }
        }
        return entries.OrderBy(e => e.When).ThenBy(e => e.AccountName).ToList();
    }
}
