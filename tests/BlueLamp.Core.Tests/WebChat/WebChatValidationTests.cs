using BlueLamp.Channels.WebChat;

namespace BlueLamp.Core.Tests.WebChat;

public sealed class WebChatValidationTests
{
    [Fact]
    public void A_normal_message_passes_and_is_trimmed()
    {
        var (errors, clean) = WebChatValidation.Validate(new WebChatPost("  My bike was stolen  ", "abc-123", " Sam "));

        Assert.Empty(errors);
        Assert.Equal("My bike was stolen", clean.Text);
        Assert.Equal("Sam", clean.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_message_is_refused_with_a_message_for_the_text_field(string? text)
    {
        var (errors, _) = WebChatValidation.Validate(new WebChatPost(text, "abc", null));

        Assert.Equal("Type a message before sending.", Assert.Single(errors["text"]));
    }

    [Fact]
    public void A_message_over_the_limit_is_refused_saying_how_long_it_is()
    {
        var (errors, _) = WebChatValidation.Validate(new WebChatPost(new string('x', WebChatLimits.MaxTextLength + 1), "abc", null));

        Assert.Contains("2001 characters", Assert.Single(errors["text"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_refused_but_line_breaks_are_not()
    {
        Assert.Empty(WebChatValidation.Validate(new WebChatPost("line one\r\nline two\ttab", "abc", null)).Errors);
        Assert.True(WebChatValidation.Validate(new WebChatPost("bell\u0007", "abc", null)).Errors.ContainsKey("text"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("<script>")]
    public void A_bad_client_message_id_is_refused(string id)
    {
        Assert.True(WebChatValidation.Validate(new WebChatPost("hello", id, null)).Errors.ContainsKey("clientMessageId"));
    }

    [Fact]
    public void A_missing_body_is_refused()
    {
        Assert.NotEmpty(WebChatValidation.Validate(null).Errors);
    }

    [Fact]
    public void Visitor_tokens_are_random_and_only_their_hash_is_an_identity()
    {
        var a = VisitorToken.Create();
        var b = VisitorToken.Create();

        Assert.NotEqual(a, b);
        Assert.True(VisitorToken.LooksValid(a));
        Assert.False(VisitorToken.LooksValid("short"));
        Assert.DoesNotContain(a, VisitorToken.Hash(a), StringComparison.Ordinal);
        Assert.Equal(VisitorToken.Hash(a), VisitorToken.Hash(a));
    }
}
