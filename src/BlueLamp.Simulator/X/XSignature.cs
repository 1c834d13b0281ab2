using System.Security.Cryptography;
using System.Text;

namespace BlueLamp.Simulator.X;

/// <summary>X's webhook signature and CRC answer: "sha256=" and the base64 HMAC-SHA256 under the consumer secret.</summary>
public static class XSignature
{
    public const string HeaderName = "x-twitter-webhooks-signature";

    public static string For(string consumerSecret, byte[] body) =>
        "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), body));

    public static string For(string consumerSecret, string text) => For(consumerSecret, Encoding.UTF8.GetBytes(text));
}
