using BlueLamp.Channels.Meta;

namespace BlueLamp.Channels.Tests.Meta;

public class MetaVerificationHandshakeTests
{
    [Fact]
    public void The_challenge_is_echoed_when_the_verify_token_matches()
    {
        var decision = MetaVerificationHandshake.Decide("subscribe", "bluelamp-verify", "1158201444", "bluelamp-verify");

        Assert.True(decision.Accepted);
        Assert.Equal("1158201444", decision.Challenge);
    }

    [Theory]
    [InlineData("subscribe", "wrong-token", "1158201444")]
    [InlineData("unsubscribe", "bluelamp-verify", "1158201444")]
    [InlineData("subscribe", null, "1158201444")]
    [InlineData("subscribe", "bluelamp-verify", null)]
    public void The_handshake_is_refused_with_a_reason_otherwise(string? mode, string? token, string? challenge)
    {
        var decision = MetaVerificationHandshake.Decide(mode, token, challenge, "bluelamp-verify");

        Assert.False(decision.Accepted);
        Assert.Null(decision.Challenge);
        Assert.False(string.IsNullOrEmpty(decision.Reason));
    }
}
