using System.Security.Cryptography;
using System.Text;

namespace BlueLamp.Channels.WebChat;

/// <summary>
/// The secret a web-chat visitor's browser keeps to come back to its own conversation. Only its hash is
/// stored, so a copy of the database cannot be used to read or write as the visitor.
/// </summary>
public static class VisitorToken
{
    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The stored identity of the visitor: hex SHA-256 of the token.</summary>
    public static string Hash(string token) =>
        "wc_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
