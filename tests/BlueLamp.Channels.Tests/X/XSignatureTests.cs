using System.Security.Cryptography;
using System.Text;
using BlueLamp.Channels.Common;
using BlueLamp.Channels.X;

namespace BlueLamp.Channels.Tests.X;

public class XSignatureTests
{
    private const string ConsumerSecret = "xConsumerSecret0123456789abcdefghijklmnopqrstuv";

    private static string Base64Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void The_CRC_response_token_is_the_base64_HMAC_of_the_crc_token()
    {
        var expected = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ConsumerSecret), Encoding.UTF8.GetBytes("crc-challenge-123")));

        Assert.Equal(expected, XCrc.ResponseToken("crc-challenge-123", ConsumerSecret));
    }

    [Fact]
    public void A_body_signed_with_the_consumer_secret_is_accepted()
    {
        var body = SampleFiles.Bytes("X", "direct-message-events.json");

        Assert.Equal(SignatureCheck.Valid, XSignature.Check(body, Base64Signature(body, ConsumerSecret), ConsumerSecret));
        Assert.Equal(Base64Signature(body, ConsumerSecret), XSignature.Compute(body, ConsumerSecret));
    }

    [Fact]
    public void Wrong_secret_tampered_body_and_missing_or_hex_headers_are_refused()
    {
        var body = SampleFiles.Bytes("X", "direct-message-events.json");
        var header = Base64Signature(body, ConsumerSecret);
        var tampered = body.ToArray();
        tampered[^3] ^= 1;

        Assert.Equal(SignatureCheck.Mismatch, XSignature.Check(body, Base64Signature(body, "another-secret"), ConsumerSecret));
        Assert.Equal(SignatureCheck.Mismatch, XSignature.Check(tampered, header, ConsumerSecret));
        Assert.Equal(SignatureCheck.Missing, XSignature.Check(body, null, ConsumerSecret));
        Assert.Equal(SignatureCheck.Malformed, XSignature.Check(body, MetaStyleHex(body), ConsumerSecret));
    }

    private static string MetaStyleHex(byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ConsumerSecret), body));
}
