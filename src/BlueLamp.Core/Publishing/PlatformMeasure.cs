namespace BlueLamp.Core.Publishing;

/// <summary>How long a text is as one platform counts it, against that platform's limit.</summary>
public sealed record PlatformMeasure(int Length, int Limit, string Unit)
{
    public bool Fits => Length <= Limit;

    public int Remaining => Limit - Length;
}
