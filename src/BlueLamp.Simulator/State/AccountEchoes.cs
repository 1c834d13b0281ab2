using BlueLamp.Simulator.Delivery;
using BlueLamp.Simulator.Meta;
using BlueLamp.Simulator.X;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.State;

/// <summary>
/// The webhooks platforms send about the account's own actions: Messenger and Instagram is_echo events, the
/// Page's own comment in the feed, X's events for the account's own tweets and DMs. Sent after the API call
/// answered, as the platforms do; a connector must recognise and drop them.
/// </summary>
public sealed class AccountEchoes(
    IOptions<SimulatorOptions> options,
    MetaWebhooks meta,
    XActivityPayloads x,
    WebhookDelivery delivery,
    IHostApplicationLifetime lifetime,
    ILogger<AccountEchoes> logger)
{
    public void After(SimulatedEntry sent)
    {
        if (!options.Value.SendEchoes)
        {
            return;
        }
        WebhookRequest? request = (sent.Platform, sent.Kind) switch
        {
            (SimulatedPlatform.Facebook or SimulatedPlatform.Instagram, EntryKind.DirectMessage) => meta.Message(sent),
            (SimulatedPlatform.Facebook, EntryKind.Comment) => meta.FeedComment(sent, "add"),
            (SimulatedPlatform.X, EntryKind.DirectMessage) => x.DirectMessage(sent),
            (SimulatedPlatform.X, EntryKind.Mention or EntryKind.Post) => x.TweetCreate(sent),
            _ => null,
        };
        if (request is null)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await delivery.DeliverAsync(request, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogDebug("Echo of {EntryId} not sent: stopping", sent.Id);
            }
        });
    }
}
