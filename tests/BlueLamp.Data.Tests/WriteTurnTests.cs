namespace BlueLamp.Data.Tests;

/// <summary>SQLite's one writer's turn: who goes next, and what giving up or letting go twice does.</summary>
public sealed class WriteTurnTests
{
    [Fact]
    public async Task An_urgent_writer_goes_before_writers_that_have_waited_longer_and_they_follow_in_order()
    {
        using var turn = new WriteTurn(oneWriter: true);
        var holder = await Enter(turn);
        var first = Enter(turn);
        var second = Enter(turn);
        var urgent = Enter(turn, urgent: true);
        Assert.False(first.IsCompleted || second.IsCompleted || urgent.IsCompleted);

        holder.Dispose();
        (await urgent).Dispose();
        var afterUrgent = await first;
        Assert.False(second.IsCompleted);
        afterUrgent.Dispose();
        (await second).Dispose();

        // Free again: the next writer goes straight in.
        var next = Enter(turn);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public async Task A_writer_that_gave_up_waiting_is_passed_over()
    {
        using var turn = new WriteTurn(oneWriter: true);
        var holder = await Enter(turn);
        using var giveUp = new CancellationTokenSource();
        var impatient = turn.EnterAsync(urgent: true, giveUp.Token).AsTask();
        var patient = Enter(turn);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        holder.Dispose();
        (await patient).Dispose();
    }

    [Fact]
    public async Task Letting_go_twice_passes_the_turn_on_once()
    {
        using var turn = new WriteTurn(oneWriter: true);
        var holder = await Enter(turn);
        var first = Enter(turn);
        var second = Enter(turn);

        holder.Dispose();
        holder.Dispose();
        var after = await first;
        Assert.False(second.IsCompleted);
        after.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task Without_one_writer_nobody_waits()
    {
        var turn = WriteTurn.Free;
        using var one = await Enter(turn);
        Assert.True(Enter(turn).IsCompletedSuccessfully);
        Assert.True(Enter(turn, urgent: true).IsCompletedSuccessfully);
    }

    private static Task<WriteTurn.Held> Enter(WriteTurn turn, bool urgent = false) =>
        turn.EnterAsync(urgent, TestContext.Current.CancellationToken).AsTask();
}
