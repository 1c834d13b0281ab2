namespace BlueLamp.Core.Contact;

/// <summary>
/// The bus that tells every desk screen, on every node, what just happened. In-process for one node;
/// a multi-node bus (PostgreSQL LISTEN/NOTIFY) implements the same contract.
/// </summary>
public interface IDeskEvents
{
    /// <summary>Publishes after the change has been committed, so subscribers read what they were told about.</summary>
    ValueTask PublishAsync(DeskEvent deskEvent, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="handler"/> for every event of one force until the returned handle is disposed.</summary>
    IDisposable Subscribe(Guid forceId, Func<DeskEvent, Task> handler);
}
