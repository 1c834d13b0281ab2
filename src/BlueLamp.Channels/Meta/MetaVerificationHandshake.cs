using System.Security.Cryptography;
using System.Text;

namespace BlueLamp.Channels.Meta;

/// <summary>
/// Meta's GET handshake when a webhook is subscribed: <c>hub.mode=subscribe</c>, <c>hub.verify_token</c> equal to the
/// token we configured, and <c>hub.challenge</c> echoed back as the raw body.
/// </summary>
public static class MetaVerificationHandshake
{
    public static HandshakeDecision Decide(string? mode, string? verifyToken, string? challenge, string expectedVerifyToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedVerifyToken);
        if (mode != "subscribe")
            return new HandshakeDecision(false, null, "hub.mode is not 'subscribe'.");
        if (string.IsNullOrEmpty(challenge))
            return new HandshakeDecision(false, null, "hub.challenge is missing.");
        if (string.IsNullOrEmpty(verifyToken))
            return new HandshakeDecision(false, null, "hub.verify_token is missing.");
        // Constant time, like the signature: the verify token is a shared secret too.
        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(verifyToken)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expectedVerifyToken)));
        return matches
            ? new HandshakeDecision(true, challenge, null)
            : new HandshakeDecision(false, null, "hub.verify_token does not match the configured token.");
    }
}
