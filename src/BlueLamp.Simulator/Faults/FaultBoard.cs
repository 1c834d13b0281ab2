using BlueLamp.Simulator.State;

namespace BlueLamp.Simulator.Faults;

/// <summary>The fault switches of every platform, changed at run time from the control API or the page.</summary>
public sealed class FaultBoard
{
    private readonly Lock gate = new();
    private readonly Dictionary<SimulatedPlatform, PlatformFaults> faults = Enum.GetValues<SimulatedPlatform>().ToDictionary(p => p, _ => new PlatformFaults());
    private readonly Dictionary<SimulatedPlatform, int> callsLeft = [];

    /// <summary>Raised after a switch changed, so the page and held webhooks can react.</summary>
    public event Action<SimulatedPlatform>? Changed;

    public PlatformFaults For(SimulatedPlatform platform)
    {
        lock (gate)
        {
            return faults[platform];
        }
    }

    public IReadOnlyDictionary<SimulatedPlatform, PlatformFaults> All()
    {
        lock (gate)
        {
            return new Dictionary<SimulatedPlatform, PlatformFaults>(faults);
        }
    }

    public void Set(SimulatedPlatform platform, PlatformFaults value)
    {
        lock (gate)
        {
            faults[platform] = value;
            if (value.ForCalls is { } count)
            {
                callsLeft[platform] = count;
            }
            else
            {
                callsLeft.Remove(platform);
            }
        }
        Changed?.Invoke(platform);
    }

    public void ClearAll()
    {
        foreach (var platform in Enum.GetValues<SimulatedPlatform>())
        {
            Set(platform, new PlatformFaults());
        }
    }

    /// <summary>Decides the fault for one API call, counting it against <see cref="PlatformFaults.ForCalls"/>.</summary>
    public ApiFault NextCall(SimulatedPlatform platform)
    {
        bool switchedOff = false;
        ApiFault fault;
        lock (gate)
        {
            var current = faults[platform];
            fault = current.TokenExpired ? ApiFault.TokenExpired
                : current.RateLimited ? ApiFault.RateLimited
                : current.ServerErrors ? ApiFault.ServerError
                : ApiFault.None;
            if (fault is ApiFault.RateLimited or ApiFault.ServerError && callsLeft.TryGetValue(platform, out var left))
            {
                left--;
                if (left <= 0)
                {
                    callsLeft.Remove(platform);
                    faults[platform] = current with { RateLimited = false, ServerErrors = false, ForCalls = null };
                    switchedOff = true;
                }
                else
                {
                    callsLeft[platform] = left;
                }
            }
        }
        if (switchedOff)
        {
            Changed?.Invoke(platform);
        }
        return fault;
    }
}
