using BlueLamp.Core.Accounts;
using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Desk;

/// <summary>What part of the queue the operator wants to see.</summary>
public sealed record QueueFilter
{
    public static QueueFilter All { get; } = new();

    /// <summary>Only conversations held by the signed-in operator.</summary>
    public bool Mine { get; init; }

    /// <summary>Only conversations nobody holds.</summary>
    public bool Unassigned { get; init; }

    public Grade? Grade { get; init; }

    public Platform? Platform { get; init; }

    public Guid? AccountId { get; init; }

    public Guid? AreaId { get; init; }

    /// <summary>Words that must appear in some message of the conversation (full-text search).</summary>
    public string? Search { get; init; }

    /// <summary>Only these conversations: a live update re-reads the ones that changed, not the whole queue.</summary>
    public IReadOnlyCollection<Guid>? Conversations { get; init; }
}
