using BlueLamp.Core.Contact;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Contact;

/// <summary>
/// Groups new conversations with recent open ones about the same thing (a surge), so the desk sees one item.
/// A life-at-risk conversation is never grouped: it stands alone at the top of the queue. One instance serves one
/// intake transaction: the recent conversations are read once, when first needed, and each conversation of the
/// batch then becomes a candidate for the ones after it.
/// </summary>
public sealed class SurgeGrouping(BlueLampDb db, DateTimeOffset now)
{
    /// <summary>How far back a surge is looked for.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(3);

    /// <summary>How many recent conversations a new one is compared with.</summary>
    public const int Candidates = 500;

    private List<Candidate>? recent;

    /// <summary>Adds the conversation (tracked in the context) to a cluster when recent ones say the same thing; returns the cluster, if any.</summary>
    public async Task<Guid?> GroupAsync(Conversation conversation, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.LifeAtRisk || conversation.ClusterId is not null)
            return conversation.ClusterId;
        var words = SurgeSimilarity.Words(text);
        if (words.Count < SurgeSimilarity.MinimumSharedWords)
            return null;

        recent ??= await ReadRecentAsync(cancellationToken);
        var similar = recent.Where(c => c.Id != conversation.Id && SurgeSimilarity.SameMatter(words, c.Words)).ToList();
        var self = recent.Find(c => c.Id == conversation.Id);
        if (self is null)
            recent.Add(self = new Candidate(conversation.Id, conversation.ClusterId, conversation.Preview, words));
        else
            (self.Preview, self.Words) = (conversation.Preview, words);
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
        self.ClusterId = clusterId;
        foreach (var other in similar.Where(c => c.ClusterId is null))
        {
            // Already tracked when it is part of this batch; read otherwise.
            var tracked = await db.Conversations.FindAsync([other.Id], cancellationToken) ?? throw new InvalidOperationException($"Conversation {other.Id} vanished.");
            tracked.JoinCluster(clusterId.Value);
            other.ClusterId = clusterId;
        }
        return clusterId;
    }

    private async Task<List<Candidate>> ReadRecentAsync(CancellationToken cancellationToken)
    {
        var since = now - Window;
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open && !c.LifeAtRisk && c.LastInboundAt != null && c.LastInboundAt >= since)
            .OrderByDescending(c => c.LastInboundAt)
            .Take(Candidates)
            .Select(c => new { c.Id, c.ClusterId, c.Preview })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new Candidate(c.Id, c.ClusterId, c.Preview, SurgeSimilarity.Words(c.Preview))).ToList();
    }

    /// <summary>A recent open conversation, as far as grouping needs it; kept up to date as the batch changes it.</summary>
    private sealed class Candidate(Guid id, Guid? clusterId, string preview, IReadOnlySet<string> words)
    {
        public Guid Id { get; } = id;

        public Guid? ClusterId { get; set; } = clusterId;

        public string Preview { get; set; } = preview;

        public IReadOnlySet<string> Words { get; set; } = words;
    }
}
