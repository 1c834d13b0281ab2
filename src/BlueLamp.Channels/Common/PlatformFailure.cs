namespace BlueLamp.Channels.Common;

/// <summary>
/// Why a call to a platform did not succeed, in words an operator can act on.
/// </summary>
/// <param name="Error">The platform's own error text (or ours, when we refused before sending).</param>
/// <param name="Retryable">True when trying again later may work (rate limits, outages, timeouts).</param>
/// <param name="NeedsReconnect">True when the platform rejected the account's credentials: an administrator must reconnect the account.</param>
/// <param name="HttpStatus">The HTTP status of the last attempt, when there was a response.</param>
/// <param name="PlatformCode">The platform's error code (Graph <c>code</c>/<c>error_subcode</c>, XRPC <c>error</c>, X problem type).</param>
/// <param name="RefusedBeforeSending">True when nothing was sent because a platform rule (length, messaging window) forbids it.</param>
public sealed record PlatformFailure(
    string Error,
    bool Retryable,
    bool NeedsReconnect,
    int? HttpStatus = null,
    string? PlatformCode = null,
    bool RefusedBeforeSending = false)
{
    public static PlatformFailure Refused(string reason) => new(reason, Retryable: false, NeedsReconnect: false, RefusedBeforeSending: true);
}
