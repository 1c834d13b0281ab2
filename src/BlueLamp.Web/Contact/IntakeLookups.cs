using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Contact;

/// <summary>
/// What <see cref="ContactIntake"/> needs to know before it takes in a batch, read with one query per kind of row
/// (messages already stored, accounts, people's identities, conversations) instead of one set of queries per message;
/// what the batch then creates is added here, so a later message of the same batch finds it.
/// </summary>
internal sealed class IntakeLookups
{
    private readonly Dictionary<(Guid AccountId, string PlatformMessageId), IntakeResult> messages = [];
    private readonly Dictionary<Guid, Account> accounts;
    private readonly Dictionary<(Platform Platform, string PlatformUserId), PersonIdentity> identities;
    private readonly Dictionary<(Guid AccountId, string ThreadKey), Conversation> conversations;

    private IntakeLookups(Dictionary<Guid, Account> accounts, Dictionary<(Platform, string), PersonIdentity> identities, Dictionary<(Guid, string), Conversation> conversations)
    {
        this.accounts = accounts;
        this.identities = identities;
        this.conversations = conversations;
    }

    public static async Task<IntakeLookups> ReadAsync(BlueLampDb db, IReadOnlyList<InboundMessage> batch, CancellationToken cancellationToken)
    {
        var accountIds = batch.Select(i => i.AccountId).Distinct().ToList();
        var messageIds = batch.Select(i => i.PlatformMessageId).Distinct().ToList();
        var platforms = batch.Select(i => i.Platform).Distinct().ToList();
        var userIds = batch.Select(i => i.PlatformUserId).Distinct().ToList();
        var threadKeys = batch.Select(i => i.ThreadKey).Distinct().ToList();

        // Messages alone, found through their unique index on account and platform id. Joined to their conversations in
        // the same statement, PostgreSQL's planner (on statistics taken while the tables were small) once chose to walk
        // every conversation and scan the account's whole index for each: 15 s for a batch that found nothing. The
        // conversations are read only when a message was stored already, which is rare.
        var stored = await db.Messages.AsNoTracking()
            .Where(m => accountIds.Contains(m.AccountId) && messageIds.Contains(m.PlatformMessageId))
            .Select(m => new { m.AccountId, m.PlatformMessageId, m.Id, m.ConversationId })
            .ToListAsync(cancellationToken);
        var storedIn = stored.Select(m => m.ConversationId).Distinct().ToList();
        var personOf = storedIn.Count == 0
            ? []
            : await db.Conversations.AsNoTracking().Where(c => storedIn.Contains(c.Id)).Select(c => new { c.Id, c.PersonId }).ToDictionaryAsync(c => c.Id, c => c.PersonId, cancellationToken);
        // Read once per batch: the handover summary names the account and its rota decides the out-of-hours reply.
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        // Read, never changed here: not tracked, so saving the batch does not compare them.
        // By platform too, so every column of the unique index (force, platform, user id) bounds the scan: by user id
        // alone, PostgreSQL walks every identity of the force.
        var identities = (await db.PersonIdentities.AsNoTracking().Where(i => platforms.Contains(i.Platform) && userIds.Contains(i.PlatformUserId)).ToListAsync(cancellationToken))
            .ToDictionary(i => (i.Platform, i.PlatformUserId));
        var conversations = (await db.Conversations.Where(c => accountIds.Contains(c.AccountId) && threadKeys.Contains(c.ThreadKey)).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.AccountId, c.ThreadKey));

        var lookups = new IntakeLookups(accounts, identities, conversations);
        foreach (var m in stored)
            lookups.messages[(m.AccountId, m.PlatformMessageId)] = new IntakeResult(m.ConversationId, m.Id, personOf[m.ConversationId], Duplicate: true);
        return lookups;
    }

    /// <summary>The message with this platform id, if it was stored before or earlier in this batch (then as a duplicate).</summary>
    public IntakeResult? StoredMessage(InboundMessage inbound) =>
        messages.TryGetValue((inbound.AccountId, inbound.PlatformMessageId), out var result) ? result with { Duplicate = true } : null;

    public void MessageTakenIn(InboundMessage inbound, IntakeResult result) => messages[(inbound.AccountId, inbound.PlatformMessageId)] = result;

    public Account Account(Guid accountId) =>
        accounts.TryGetValue(accountId, out var account) ? account : throw new InvalidOperationException($"Account {accountId} is not one of this force's.");

    public PersonIdentity? Identity(InboundMessage inbound) => identities.GetValueOrDefault((inbound.Platform, inbound.PlatformUserId));

    public void IdentityCreated(PersonIdentity identity) => identities[(identity.Platform, identity.PlatformUserId)] = identity;

    public Conversation? Conversation(InboundMessage inbound) => conversations.GetValueOrDefault((inbound.AccountId, inbound.ThreadKey));

    public void ConversationCreated(Conversation conversation) => conversations[(conversation.AccountId, conversation.ThreadKey)] = conversation;
}
