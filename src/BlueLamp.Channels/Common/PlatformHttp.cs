using Polly;

namespace BlueLamp.Channels.Common;

/// <summary>
/// Sends one request through the resilience pipeline and turns what cannot be answered at all (no connection, timeout,
/// circuit open) into a retryable <see cref="PlatformFailure"/>: the operator sees it and can retry, nothing is lost.
/// </summary>
internal static class PlatformHttp
{
    public static async Task<(PlatformResponse? Response, PlatformFailure? Failure)> SendAsync(
        HttpClient http, HttpRequestMessage request, string platformName, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return (new PlatformResponse(response.StatusCode, body, response.Headers), null);
        }
        catch (HttpRequestException e)
        {
            return (null, new PlatformFailure($"Could not reach {platformName}: {e.Message}", Retryable: true, NeedsReconnect: false));
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return (null, new PlatformFailure($"{platformName} did not answer in time.", Retryable: true, NeedsReconnect: false));
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException)
        {
            return (null, new PlatformFailure($"Calls to {platformName} are paused after repeated failures; try again in a minute.", Retryable: true, NeedsReconnect: false));
        }
        catch (ExecutionRejectedException e)
        {
            return (null, new PlatformFailure($"The call to {platformName} was not made: {e.Message}", Retryable: true, NeedsReconnect: false));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new PlatformFailure($"{platformName} did not answer in time.", Retryable: true, NeedsReconnect: false));
        }
    }
}
