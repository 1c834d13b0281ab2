using System.Text;
using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.X;

/// <summary>
/// X's challenge-response check: X sends <c>GET ?crc_token=…</c> when a webhook is registered and hourly after;
/// the answer (within 3 seconds) is <c>{"response_token": "sha256=&lt;base64 HMAC-SHA256(consumer secret, crc_token)&gt;"}</c>.
/// </summary>
public static class XCrc
{
    public static string ResponseToken(string crcToken, string consumerSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(crcToken);
        return "sha256=" + Convert.ToBase64String(WebhookHmac.Compute(consumerSecret, Encoding.UTF8.GetBytes(crcToken)));
    }
}
