using System.Reflection;
using BlueLamp.Core.Audit;

namespace BlueLamp.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private static (AuditHead Head, List<AuditEvent> Events) Chain(int count)
    {
        var head = new AuditHead(Guid.NewGuid());
        var events = Enumerable.Range(1, count)
            .Select(i => head.Append(new AuditEntry("conversation.opened", "user-1", "PC Jones", "conversation", $"c{i}", $"entry {i}"), Start.AddSeconds(i)))
            .ToList();
        return (head, events);
    }

    [Fact]
    public void An_untouched_chain_verifies_with_every_entry_counted()
    {
        var (head, events) = Chain(5);

        var result = AuditChain.Verify(events, head);

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.CheckedCount);
    }

    [Fact]
    public void Each_entry_carries_the_hash_of_the_one_before_and_the_first_carries_the_genesis_hash()
    {
        var (_, events) = Chain(3);

        Assert.Equal(AuditChain.GenesisHash, events[0].PreviousHash);
        Assert.Equal(events[0].Hash, events[1].PreviousHash);
        Assert.Equal(events[1].Hash, events[2].PreviousHash);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Sequence));
    }

    [Fact]
    public void An_edited_detail_is_found_at_the_edited_entry()
    {
        var (head, events) = Chain(5);
        SetProperty(events[2], nameof(AuditEvent.Detail), "nothing to see here");

        var result = AuditChain.Verify(events, head);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenSequence);
        Assert.Contains("edited", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_entry_whose_hash_was_recomputed_still_breaks_the_link_to_the_next()
    {
        var (head, events) = Chain(4);
        SetProperty(events[1], nameof(AuditEvent.ActorName), "Someone else");
        SetProperty(events[1], nameof(AuditEvent.Hash), AuditChain.ComputeHash(events[1]));

        var result = AuditChain.Verify(events, head);

        Assert.Equal(3, result.BrokenSequence);
    }

    [Fact]
    public void A_deleted_entry_in_the_middle_is_found_as_a_gap()
    {
        var (head, events) = Chain(5);
        events.RemoveAt(1);

        var result = AuditChain.Verify(events, head);

        Assert.Equal(3, result.BrokenSequence);
        Assert.Contains("missing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_cut_off_the_end_are_found_against_the_head()
    {
        var (head, events) = Chain(5);
        events.RemoveAt(4);

        var result = AuditChain.Verify(events, head);

        Assert.False(result.IsIntact);
        Assert.Equal(5, result.BrokenSequence);
    }

    [Fact]
    public void Timestamps_are_kept_to_the_microsecond_in_utc_so_both_databases_hash_alike()
    {
        var at = new DateTimeOffset(2026, 11, 25, 4, 5, 6, TimeSpan.FromHours(1)).AddTicks(1234567);

        var normalised = AuditChain.Normalise(at);

        Assert.Equal(TimeSpan.Zero, normalised.Offset);
        Assert.Equal(0, normalised.UtcTicks % 10);
        Assert.Equal(at.UtcTicks - 7, normalised.UtcTicks);
    }

    [Fact]
    public void Fields_cannot_be_shifted_between_each_other_to_forge_the_same_hash()
    {
        var head1 = new AuditHead(Guid.Empty);
        var head2 = new AuditHead(Guid.Empty);
        var a = head1.Append(new AuditEntry("x", "ab", "c"), Start);
        var b = head2.Append(new AuditEntry("x", "a", "bc"), Start);

        Assert.NotEqual(a.Hash, b.Hash);
    }

    private static void SetProperty(AuditEvent e, string name, string value) =>
        typeof(AuditEvent).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.SetValue(e, value);
}
