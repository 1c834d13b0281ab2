namespace BlueLamp.Web.Desk;

/// <summary>
/// One line of the queue as the desk shows it: a single conversation, or a surge of conversations about the same
/// thing, led by its most urgent member. Life-at-risk conversations are never folded into a surge.
/// </summary>
public sealed record QueueRow(QueueItem Lead, IReadOnlyList<QueueItem> Members)
{
    public bool IsSurge => Members.Count > 1;

    /// <summary>What identifies the line while its contents change: the surge, or the single conversation.</summary>
    public Guid Key => IsSurge && Lead.ClusterId is { } clusterId ? clusterId : Lead.ConversationId;

    // Two rows are the same when they show the same conversations with the same data, so a line of the queue is
    // drawn again only when something on it changed.
    public bool Equals(QueueRow? other) =>
        other is not null && Lead == other.Lead && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => HashCode.Combine(Lead, Members.Count);

    /// <summary>Folds an ordered queue into rows, keeping the order of each row's first (most urgent) member.</summary>
    public static IReadOnlyList<QueueRow> Fold(IReadOnlyList<QueueItem> ordered)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var surges = ordered.Where(i => i.ClusterId is not null && !i.LifeAtRisk)
            .GroupBy(i => i.ClusterId!.Value)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<QueueRow>();
        var placed = new HashSet<Guid>();
        foreach (var item in ordered)
        {
            if (!item.LifeAtRisk && item.ClusterId is { } clusterId && surges.TryGetValue(clusterId, out var members))
            {
                if (placed.Add(clusterId))
                    rows.Add(new QueueRow(item, members));
                continue;
            }
            rows.Add(new QueueRow(item, [item]));
        }
        return rows;
    }
}
