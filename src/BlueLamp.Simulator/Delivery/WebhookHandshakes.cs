using System.Security.Cryptography;
using System.Text.Json;
using BlueLamp.Simulator.X;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Delivery;

/// <summary>
/// The checks platforms make on a webhook endpoint before and while they use it: Meta's subscription
/// handshake (hub.mode/hub.verify_token/hub.challenge) and X's challenge-response check (crc_token).
/// </summary>
public sealed class WebhookHandshakes(IHttpClientFactory httpClients, IOptions<SimulatorOptions> options)
{
    private readonly SimulatorOptions settings = options.Value;

    /// <summary>Meta's GET: the endpoint must answer 200 with the challenge as its whole body.</summary>
    public async Task<HandshakeResult> VerifyMetaSubscriptionAsync(CancellationToken cancellationToken)
    {
        var challenge = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var url = $"{settings.MetaWebhookUrl}{Separator(settings.MetaWebhookUrl)}hub.mode=subscribe&hub.verify_token={Uri.EscapeDataString(settings.Meta.VerifyToken)}&hub.challenge={challenge}";
        try
        {
            using var response = await httpClients.CreateClient(WebhookDelivery.HttpClientName).GetAsync(new Uri(url), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var passed = (int)response.StatusCode == 200 && body == challenge;
            return new HandshakeResult(passed, (int)response.StatusCode, passed ? "The endpoint echoed the challenge." : $"Expected 200 with body \"{challenge}\", got {(int)response.StatusCode} with \"{Shorten(body)}\".");
        }
        catch (HttpRequestException ex)
        {
            return new HandshakeResult(false, null, ex.Message);
        }
    }

    /// <summary>X's CRC: within 3 seconds, 200 with {"response_token":"sha256=" + base64 HMAC-SHA256(consumer secret, crc_token)}.</summary>
    public async Task<HandshakeResult> CheckXCrcAsync(CancellationToken cancellationToken)
    {
        var crcToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var url = $"{settings.XWebhookUrl}{Separator(settings.XWebhookUrl)}crc_token={Uri.EscapeDataString(crcToken)}&nonce={RandomNumberGenerator.GetInt32(int.MaxValue)}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var response = await httpClients.CreateClient(WebhookDelivery.HttpClientName).GetAsync(new Uri(url), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var expected = XSignature.For(settings.X.ConsumerSecret, crcToken);
            string? actual = null;
            try
            {
                using var json = JsonDocument.Parse(body);
                actual = json.RootElement.TryGetProperty("response_token", out var token) ? token.GetString() : null;
            }
            catch (JsonException)
            {
                return new HandshakeResult(false, (int)response.StatusCode, $"The answer is not JSON: \"{Shorten(body)}\".");
            }
            var passed = (int)response.StatusCode == 200 && actual == expected;
            return new HandshakeResult(passed, (int)response.StatusCode, passed ? "The response_token matches." : $"Expected response_token \"{expected}\", got \"{actual}\".");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HandshakeResult(false, null, "No answer within 3 seconds; X would disable the webhook.");
        }
        catch (HttpRequestException ex)
        {
            return new HandshakeResult(false, null, ex.Message);
        }
    }

    private static char Separator(string url) => url.Contains('?', StringComparison.Ordinal) ? '&' : '?';

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
