using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.X;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// Reads what platforms do not push. Bluesky notifications come newest first with a cursor towards older ones, so a
/// poll starts without a cursor and reads back until it reaches what it saw last time (kept in the database, so a
/// restart resumes); Bluesky chats are read where their newest message is not stored yet; X mentions are read after
/// the kept since_id. Everything goes through <see cref="InboundEventStore"/>, so overlaps store nothing twice.
/// </summary>
public sealed class AccountPolling(
    BlueskyClient bluesky,
    XApiClient x,
    InboundEventStore store,
    ConnectedAccounts accounts,
    BlueLampDbFactory dbs,
    IOptions<ChannelIntakeOptions> options)
{
    /// <summary>Bluesky mentions, replies and quotes since the last poll; with <paramref name="readBackFully"/> the marker is ignored (reconciliation).</summary>
    public async Task<PlatformFailure?> PollBlueskyNotificationsAsync(ConnectedAccount account, bool readBackFully = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var state = await accounts.StateAsync(account, cancellationToken);
        var marker = readBackFully ? null : state?.PollMarker;
        var markerAt = readBackFully ? null : state?.PollMarkerAt;
        var pages = marker is null ? options.Value.FirstPollPages : options.Value.MaxPollPages;
        string? cursor = null;
        ChannelEvent? newest = null;
        var found = new List<ChannelEvent>();
        for (var page = 0; page < pages; page++)
        {
            var result = await bluesky.ListNotificationsAsync(account.Bluesky(), cursor, cancellationToken);
            if (!result.IsSuccess)
                return result.Failure;
            var events = result.Value!.Parsed.Events;
            if (page == 0)
                newest = events.MaxBy(e => e.SentAt);
            var reachedKnown = false;
            foreach (var e in events)
            {
                if (e.PlatformMessageId == marker || markerAt is { } at && e.SentAt < at)
                    reachedKnown = true;
                else
                    found.Add(e);
            }
            if (reachedKnown || result.Value.Cursor is null || events.Count == 0 && result.Value.Parsed.Skipped.Count == 0)
                break;
            cursor = result.Value.Cursor;
        }
        await store.StoreAsync(account, found, readBackFully ? InboundEventStore.FromReconciliation : InboundEventStore.FromPoll, cancellationToken);
        if (newest is not null && (markerAt is null || newest.SentAt >= markerAt))
            await accounts.MovePollMarkerAsync(account, newest.PlatformMessageId, newest.SentAt, cancellationToken);
        return null;
    }

    /// <summary>Bluesky chat: the newest messages of every convo whose last message BlueLamp does not have yet.</summary>
    public async Task<PlatformFailure?> PollBlueskyChatsAsync(ConnectedAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var convos = await bluesky.ListConvosAsync(account.Bluesky(), null, cancellationToken);
        if (!convos.IsSuccess)
            return convos.Failure;
        await using var db = dbs.ForForce(account.ForceId);
        foreach (var convo in convos.Value!.Convos)
        {
            if (convo.LastMessageId is not { } last)
                continue;
            var known = await db.InboundEvents.AnyAsync(e => e.AccountId == account.AccountId && e.PlatformMessageId == last, cancellationToken)
                || await db.Messages.AnyAsync(m => m.AccountId == account.AccountId && m.DeliveredPlatformMessageId == last, cancellationToken);
            if (known)
                continue;
            var messages = await bluesky.GetMessagesAsync(account.Bluesky(), convo, null, cancellationToken);
            if (!messages.IsSuccess)
                return messages.Failure;
            await store.StoreAsync(account, messages.Value!.Parsed.Events, InboundEventStore.FromPoll, cancellationToken);
        }
        return null;
    }

    /// <summary>X mentions newer than the kept since_id (all of the newest page when there is none yet, or for reconciliation).</summary>
    public async Task<PlatformFailure?> PollXMentionsAsync(ConnectedAccount account, bool readBackFully = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var sinceId = readBackFully ? null : (await accounts.StateAsync(account, cancellationToken))?.PollMarker;
        string? token = null;
        string? newestId = null;
        for (var page = 0; page < options.Value.MaxPollPages; page++)
        {
            var result = await x.GetMentionsAsync(account.X(), sinceId, token, cancellationToken);
            if (!result.IsSuccess)
                return result.Failure;
            if (page == 0)
                newestId = result.Value!.NewestId;
            await store.StoreAsync(account, result.Value!.Parsed.Events, readBackFully ? InboundEventStore.FromReconciliation : InboundEventStore.FromPoll, cancellationToken);
            token = result.Value.NextToken;
            // Without a since_id the newest page is enough: older mentions were read when they were new.
            if (token is null || sinceId is null)
                break;
        }
        if (!readBackFully && newestId is not null)
            await accounts.MovePollMarkerAsync(account, newestId, null, cancellationToken);
        return null;
    }
}
