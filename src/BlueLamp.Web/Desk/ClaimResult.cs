namespace BlueLamp.Web.Desk;

/// <summary>The answer to "let me take this conversation".</summary>
public sealed record ClaimResult(bool Succeeded, string? HeldBy, string? Error)
{
    public static ClaimResult Claimed() => new(true, null, null);

    public static ClaimResult AlreadyHeld(string heldBy) => new(false, heldBy, $"{heldBy} already has this conversation.");

    public static ClaimResult Refused(string error) => new(false, null, error);
}
