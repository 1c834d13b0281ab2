using BlueLamp.Core.Contact;

namespace BlueLamp.Core.Tests.Contact;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 2, 14, 0, TimeSpan.Zero);
    private readonly Guid _force = Guid.NewGuid();
    private readonly Guid _account = Guid.NewGuid();

    private Conversation NewConversation() =>
        new(Guid.NewGuid(), _force, _account, Guid.NewGuid(), ConversationKind.DirectMessage, "visitor-1", T0);

    private Message Inbound(Conversation c, string id, string text, DateTimeOffset sentAt) =>
        Message.Inbound(Guid.NewGuid(), _force, c.Id, _account, id, text, sentAt, T0.AddMinutes(10));

    [Fact]
    public void A_message_from_the_public_makes_the_conversation_await_a_reply_with_a_one_line_preview()
    {
        var c = NewConversation();

        c.Receive(Inbound(c, "m1", "Someone is trying\ncar doors   on Elm Street", T0));

        Assert.True(c.AwaitingReply);
        Assert.Equal("Someone is trying car doors on Elm Street", c.Preview);
        Assert.Equal(T0, c.LastInboundAt);
    }

    [Fact]
    public void A_message_that_arrives_late_does_not_replace_the_preview_of_a_newer_one()
    {
        var c = NewConversation();
        c.Receive(Inbound(c, "m2", "second", T0.AddMinutes(2)));

        c.Receive(Inbound(c, "m1", "first", T0.AddMinutes(1)));

        Assert.Equal("second", c.Preview);
        Assert.Equal(T0.AddMinutes(2), c.LastInboundAt);
    }

    [Fact]
    public void A_long_message_is_cut_for_the_preview_with_an_ellipsis()
    {
        var c = NewConversation();

        c.Receive(Inbound(c, "m1", new string('a', 500), T0));

        Assert.Equal(Conversation.PreviewLength, c.Preview.Length);
        Assert.EndsWith("…", c.Preview, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_is_an_outbound_message_by_the_operator_and_clears_awaiting_reply()
    {
        var c = NewConversation();
        c.Receive(Inbound(c, "m1", "hello", T0));
        var version = c.Version;

        var reply = c.Reply(Guid.NewGuid(), "Thanks for getting in touch.", T0.AddMinutes(3), "op-1", "PC Jones", DeliveryState.Sent);

        Assert.Equal(MessageDirection.Outbound, reply.Direction);
        Assert.Equal("PC Jones", reply.AuthorName);
        Assert.Equal(c.Id, reply.ConversationId);
        Assert.False(c.AwaitingReply);
        Assert.True(c.Version > version);
    }

    [Fact]
    public void An_outbound_message_cannot_be_received_as_if_the_public_wrote_it()
    {
        var c = NewConversation();
        var outbound = Message.Outbound(Guid.NewGuid(), _force, c.Id, _account, "hi", T0, "op", "PC", DeliveryState.Sent);

        Assert.Throws<ArgumentException>(() => c.Receive(outbound));
    }

    [Fact]
    public void A_message_of_another_conversation_cannot_be_received()
    {
        var c = NewConversation();
        var other = NewConversation();

        Assert.Throws<ArgumentException>(() => c.Receive(Inbound(other, "m1", "hi", T0)));
    }

    [Fact]
    public void An_empty_message_cannot_be_made()
    {
        Assert.Throws<ArgumentException>(() => Message.Inbound(Guid.NewGuid(), _force, Guid.NewGuid(), _account, "m1", "  ", T0, T0));
    }

    [Fact]
    public void A_comment_link_never_replaces_an_existing_link_but_an_operators_link_does()
    {
        var c = NewConversation();
        var appeal = Guid.NewGuid();
        var other = Guid.NewGuid();

        Assert.True(c.RespondTo(appeal, PostLinkSource.Comment, "BlueLamp", T0));
        Assert.False(c.RespondTo(other, PostLinkSource.SharedLink, "BlueLamp", T0.AddMinutes(1)));
        Assert.Equal(appeal, c.RespondsToPostId);

        Assert.True(c.RespondTo(other, PostLinkSource.Operator, "PC Jones", T0.AddMinutes(2)));
        Assert.Equal((other, PostLinkSource.Operator, "PC Jones"), (c.RespondsToPostId!.Value, c.RespondsToSource!.Value, c.RespondsToLinkedByName!));
        Assert.True(c.RemovePostLink());
        Assert.Null(c.RespondsToPostId);
        Assert.False(c.RemovePostLink());
    }
}
