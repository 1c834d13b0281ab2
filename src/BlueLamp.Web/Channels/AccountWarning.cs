using BlueLamp.Core.Accounts;

namespace BlueLamp.Web.Channels;

/// <summary>Why an account cannot be trusted to bring every message right now, in words for the desk.</summary>
public sealed record AccountWarning(Guid AccountId, Guid ForceId, Platform Platform, string AccountName, string Reason)
{
    public override string ToString() => $"{AccountName}: {Reason}";
}
