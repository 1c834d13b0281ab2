using System.Security.Cryptography;
using System.Text;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;

namespace BlueLamp.Channels.Tests.Meta;

public class MetaSignatureTests
{
    private const string AppSecret = "3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c";

    // Meta escapes non-ASCII as \uXXXX in the body it signs; these are the exact bytes on the wire.
    private static readonly byte[] EscapedBody = Encoding.ASCII.GetBytes(
        "{\"object\":\"page\",\"entry\":[{\"id\":\"104857600123456\",\"time\":1763980412345,\"messaging\":[{\"sender\":{\"id\":\"7203948571234567\"},\"recipient\":{\"id\":\"104857600123456\"},\"timestamp\":1763980412001,\"message\":{\"mid\":\"m_1\",\"text\":\"Diolch yn fawr \\u2014 caf\\u00e9 on Stryd Fawr \\ud83d\\ude94\"}}]}]}");

    private static string HexSignature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void A_body_signed_with_the_app_secret_is_accepted()
    {
        var body = SampleFiles.Bytes("Facebook", "messenger-text.json");

        Assert.Equal(SignatureCheck.Valid, MetaSignature.Check(body, HexSignature(body, AppSecret), AppSecret));
    }

    [Fact]
    public void A_body_with_unicode_escapes_is_verified_over_the_bytes_received()
    {
        var header = HexSignature(EscapedBody, AppSecret);

        Assert.Equal(SignatureCheck.Valid, MetaSignature.Check(EscapedBody, header, AppSecret));
        // The same JSON with the characters unescaped is a different body and must not verify.
        var reserialised = Encoding.UTF8.GetBytes(Encoding.ASCII.GetString(EscapedBody)
            .Replace("\\u2014", "—", StringComparison.Ordinal).Replace("\\u00e9", "é", StringComparison.Ordinal));
        Assert.Equal(SignatureCheck.Mismatch, MetaSignature.Check(reserialised, header, AppSecret));
    }

    [Fact]
    public void A_body_signed_with_another_secret_is_refused()
    {
        var body = SampleFiles.Bytes("Facebook", "messenger-text.json");

        Assert.Equal(SignatureCheck.Mismatch, MetaSignature.Check(body, HexSignature(body, "not-the-app-secret"), AppSecret));
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var body = SampleFiles.Bytes("Facebook", "messenger-text.json");
        var header = HexSignature(body, AppSecret);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("Elm Road", "Oak Road", StringComparison.Ordinal));

        Assert.Equal(SignatureCheck.Mismatch, MetaSignature.Check(tampered, header, AppSecret));
    }

    [Theory]
    [InlineData(null, SignatureCheck.Missing)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567", SignatureCheck.Malformed)]
    [InlineData("sha256=not-hex", SignatureCheck.Malformed)]
    [InlineData("sha256=zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", SignatureCheck.Malformed)]
    public void A_missing_or_malformed_header_is_refused(string? header, SignatureCheck expected)
    {
        Assert.Equal(expected, MetaSignature.Check(EscapedBody, header, AppSecret));
    }

    [Fact]
    public void Compute_produces_the_header_Meta_sends()
    {
        Assert.Equal(HexSignature(EscapedBody, AppSecret), MetaSignature.Compute(EscapedBody, AppSecret));
    }
}
