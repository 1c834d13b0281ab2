using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Triage;

/// <summary>
/// A force's own indicator set, as the JSON an administrator saved (checked by <see cref="IndicatorSetParser"/> first).
/// A force without one uses the set shipped with BlueLamp.
/// </summary>
public sealed class ForceIndicatorSet : IForceOwned
{
    /// <summary>The shipped set is about 60 KB; this leaves a force room to grow it.</summary>
    public const int MaxJsonLength = 1_000_000;

    private ForceIndicatorSet() { Json = ""; Version = ""; SavedByName = ""; }

    public ForceIndicatorSet(Guid forceId, IndicatorSet set, string json, string savedByName, DateTimeOffset at)
        : this()
    {
        ForceId = forceId;
        Replace(set, json, savedByName, at);
    }

    public Guid ForceId { get; private set; }

    public string Json { get; private set; }

    public string Version { get; private set; }

    public string SavedByName { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    /// <summary>Replaces the set with <paramref name="set"/>, parsed from <paramref name="json"/>; it must carry a new version.</summary>
    public void Replace(IndicatorSet set, string json, string savedByName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        if (json.Length > MaxJsonLength)
            throw new ArgumentException($"An indicator set is at most {MaxJsonLength} characters.", nameof(json));
        Json = json;
        Version = set.Version;
        SavedByName = savedByName;
        SavedAt = at;
    }
}
