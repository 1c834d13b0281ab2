using BlueLamp.Core.Contact;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Contact;

/// <summary>
/// Groups a new conversation with recent open ones about the same thing (a surge), so the desk sees one item.
/// A life-at-risk conversation is never grouped: it stands alone at the top of the queue.
/// </summary>
public sealed class SurgeGrouping
{
    /// <summary>How far back a surge is looked for.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(3);

    /// <summary>How many recent conversations a new one is compared with.</summary>
    public const int Candidates = 500;

    /// <summary>Adds the conversation (tracked in <paramref name="db"/>) to a cluster when recent ones say the same thing; returns the cluster, if any.</summary>
    public async Task<Guid?> GroupAsync(BlueLampDb db, Conversation conversation, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.LifeAtRisk || conversation.ClusterId is not null)
            return conversation.ClusterId;
        var words = SurgeSimilarity.Words(text);
        if (words.Count < SurgeSimilarity.MinimumSharedWords)
            return null;

        var since = now - Window;
        var recent = await db.Conversations.AsNoTracking()
            .Where(c => c.Id != conversation.Id && c.Status == ConversationStatus.Open && !c.LifeAtRisk && c.LastInboundAt != null && c.LastInboundAt >= since)
            .OrderByDescending(c => c.LastInboundAt)
            .Take(Candidates)
            .Select(c => new { c.Id, c.ClusterId, c.Preview })
            .ToListAsync(cancellationToken);
        var similar = recent.Where(c => SurgeSimilarity.SameMatter(words, SurgeSimilarity.Words(c.Preview))).ToList();
        if (similar.Count == 0)
            return null;

        var clusterId = similar.Select(c => c.ClusterId).FirstOrDefault(id => id is not null);
        if (clusterId is null)
        {
            var cluster = new Cluster(Guid.CreateVersion7(), conversation.ForceId, similar[0].Preview, now);
            db.Clusters.Add(cluster);
            clusterId = cluster.Id;
        }
        conversation.JoinCluster(clusterId.Value);
        foreach (var other in similar.Where(c => c.ClusterId is null))
        {
            var tracked = await db.Conversations.SingleAsync(c => c.Id == other.Id, cancellationToken);
            tracked.JoinCluster(clusterId.Value);
        }
        return clusterId;
    }
}
