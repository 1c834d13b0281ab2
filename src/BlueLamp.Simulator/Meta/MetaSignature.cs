using System.Security.Cryptography;
using System.Text;

namespace BlueLamp.Simulator.Meta;

/// <summary>Meta's webhook signature: "sha256=" and the lowercase hex HMAC-SHA256 of the body under the app secret.</summary>
public static class MetaSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    public static string For(string appSecret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
