namespace BlueLamp.Simulator.Delivery;

/// <summary>The most recent webhook deliveries, newest last, for the page, the control API and tests.</summary>
public sealed class DeliveryLog
{
    private const int Capacity = 2000;
    private readonly Lock gate = new();
    private readonly LinkedList<DeliveryReport> reports = new();
    private long nextId;

    public event Action? Changed;

    public long NextId() => Interlocked.Increment(ref nextId);

    /// <summary>Adds a report, or replaces the one with the same id (a retry finished).</summary>
    public void Record(DeliveryReport report)
    {
        lock (gate)
        {
            var existing = FindNode(report.Id);
            if (existing is not null)
            {
                existing.Value = report;
            }
            else
            {
                reports.AddLast(report);
                while (reports.Count > Capacity)
                {
                    reports.RemoveFirst();
                }
            }
        }
        Changed?.Invoke();
    }

    public IReadOnlyList<DeliveryReport> Recent(int count = 100)
    {
        lock (gate)
        {
            return [.. reports.Skip(Math.Max(0, reports.Count - count))];
        }
    }

    // Retries update a recent report, so the search starts from the newest.
    private LinkedListNode<DeliveryReport>? FindNode(long id)
    {
        for (var node = reports.Last; node is not null; node = node.Previous)
        {
            if (node.Value.Id == id)
            {
                return node;
            }
        }
        return null;
    }

    public DeliveryReport? Find(long id)
    {
        lock (gate)
        {
            return FindNode(id)?.Value;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            reports.Clear();
        }
        Changed?.Invoke();
    }
}
