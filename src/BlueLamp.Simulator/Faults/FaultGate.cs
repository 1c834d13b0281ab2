using BlueLamp.Simulator.State;

namespace BlueLamp.Simulator.Faults;

/// <summary>What every simulated API call passes first: the slow-response delay, then the fault decision.</summary>
public sealed class FaultGate(FaultBoard board, TimeProvider clock)
{
    public async Task<FaultDecision> EnterAsync(SimulatedPlatform platform, CancellationToken cancellationToken)
    {
        var current = board.For(platform);
        if (current.SlowResponseMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(current.SlowResponseMilliseconds), clock, cancellationToken);
        }
        return new FaultDecision(board.NextCall(platform), current.RetryAfterSeconds);
    }
}
