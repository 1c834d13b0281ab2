using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlueLamp.Channels.Tests.Common;

public class ChannelEventTests
{
    [Fact]
    public void An_event_maps_to_the_inbound_message_Core_takes_in()
    {
        var comment = Assert.Single(MetaWebhookParser.Parse(SampleFiles.Bytes("Facebook", "feed-comment-add.json")).Events);
        var accountId = Guid.NewGuid();

        var inbound = comment.ToInboundMessage(accountId);

        Assert.Equal(new InboundMessage(accountId, Platform.Facebook, ConversationKind.CommentThread,
            "comments:104857600123456_998877665544:5551234567890123", "5551234567890123", "Sarah Jones",
            "998877665544_1122334455", comment.Text, DateTimeOffset.FromUnixTimeSeconds(1763981000)), inbound);
    }

    [Fact]
    public void A_removal_tells_the_desk_it_was_removed()
    {
        var removal = MetaWebhookParser.Parse(SampleFiles.Bytes("Facebook", "feed-comment-reply-edit-remove.json")).Events
            .Single(e => e.Verb == ChannelEventVerb.Removed);

        Assert.Equal("[removed by the sender]", removal.ToInboundMessage(Guid.NewGuid()).Text);
    }

    [Fact]
    public void A_bad_platform_setting_fails_when_options_are_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Meta:GraphApiVersion"] = "24",
        }).Build();
        using var services = new ServiceCollection().AddPlatformClients(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MetaOptions>>().Value);
        Assert.Contains("GraphApiVersion", error.Message, StringComparison.Ordinal);
    }
}
