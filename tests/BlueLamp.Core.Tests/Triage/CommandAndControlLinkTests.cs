using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Tests.Triage;

public sealed class CommandAndControlLinkTests
{
    [Theory]
    [InlineData("https://cad.example.police.uk/bluelamp/handovers")]
    [InlineData("http://localhost:5080/demo/command-and-control")]
    [InlineData("http://127.0.0.1:41234/handovers")]
    [InlineData("http://[::1]:8080/handovers")]
    public void Https_anywhere_and_http_to_this_machine_are_accepted(string url) => Assert.Null(CommandAndControlLink.CheckEndpoint(url));

    [Theory]
    [InlineData("http://cad.example.police.uk/handovers", "Use https")]
    [InlineData("http://10.0.0.5/handovers", "Use https")]
    [InlineData("ftp://cad.example.police.uk/", "full address")]
    [InlineData("cad.example.police.uk/handovers", "full address")]
    [InlineData("https://user:pass@cad.example.police.uk/", "no user name")]
    [InlineData("", "Enter the address")]
    public void Other_addresses_are_refused_with_the_reason(string url, string reason) =>
        Assert.Contains(reason, CommandAndControlLink.CheckEndpoint(url), StringComparison.Ordinal);

    [Fact]
    public void An_empty_or_short_secret_is_refused_and_the_hint_shows_only_its_end()
    {
        Assert.NotNull(CommandAndControlLink.CheckSecret(""));
        Assert.NotNull(CommandAndControlLink.CheckSecret("short-secret"));
        Assert.Null(CommandAndControlLink.CheckSecret("a-long-enough-secret-value"));
        Assert.Equal("…alue", CommandAndControlLink.HintFor("a-long-enough-secret-value"));
    }

    [Fact]
    public void A_signature_verifies_only_with_the_same_secret_body_and_a_recent_timestamp()
    {
        var now = new DateTimeOffset(2026, 11, 25, 2, 47, 0, TimeSpan.Zero);
        var body = "{\"schema\":\"bluelamp.handover.v1\"}"u8.ToArray();
        var signature = HandoverSignature.Sign("shared-secret-of-the-force", now.ToUnixTimeSeconds(), body);
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.StartsWith("v1=", signature, StringComparison.Ordinal);
        Assert.True(HandoverSignature.Verify("shared-secret-of-the-force", timestamp, signature, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(HandoverSignature.Verify("another-secret-entirely!!", timestamp, signature, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(HandoverSignature.Verify("shared-secret-of-the-force", timestamp, signature, "{}"u8.ToArray(), now, TimeSpan.FromMinutes(5)));
        Assert.False(HandoverSignature.Verify("shared-secret-of-the-force", timestamp, signature, body, now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Retries_back_off_doubling_up_to_the_ceiling()
    {
        var first = TimeSpan.FromSeconds(10);
        var longest = TimeSpan.FromMinutes(5);
        Assert.Equal(TimeSpan.FromSeconds(10), HandoverDispatch.BackOff(1, first, longest));
        Assert.Equal(TimeSpan.FromSeconds(20), HandoverDispatch.BackOff(2, first, longest));
        Assert.Equal(TimeSpan.FromSeconds(80), HandoverDispatch.BackOff(4, first, longest));
        Assert.Equal(longest, HandoverDispatch.BackOff(30, first, longest));
    }

    [Fact]
    public void A_handover_with_an_incident_number_from_command_and_control_still_needs_a_person_to_acknowledge_it()
    {
        var handover = new Handover(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Life at risk", "summary", "system", DateTimeOffset.UnixEpoch);
        Assert.Throws<ArgumentException>(() => handover.Acknowledge("u1", "Call handler", null, DateTimeOffset.UnixEpoch));
        Assert.False(handover.IsAcknowledged);
    }
}
