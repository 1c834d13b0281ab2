using BlueLamp.Simulator.Delivery;
using BlueLamp.Simulator.State;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// Builds the webhooks Meta sends for Pages and Instagram: Messenger and Instagram messaging events
/// (entry[].messaging[]), Page feed comment changes and Instagram comment changes (entry[].changes[]),
/// signed with X-Hub-Signature-256 over the escaped bytes.
/// </summary>
public sealed class MetaWebhooks(IOptions<SimulatorOptions> options, SimulatorState state)
{
    private readonly SimulatorOptions settings = options.Value;

    /// <summary>A DM as a messaging event; the account's own messages come as is_echo events.</summary>
    public WebhookRequest Message(SimulatedEntry message)
    {
        var platform = message.Platform;
        var account = state.AccountIdOf(platform);
        var person = message.PersonId ?? throw new ArgumentException("A DM belongs to a person.", nameof(message));
        var timestamp = message.At.ToUnixTimeMilliseconds();
        object body = message.ByAccount
            ? new
            {
                mid = message.Id,
                text = message.Text,
                is_echo = true,
                app_id = long.Parse(settings.Meta.AppId, System.Globalization.CultureInfo.InvariantCulture),
            }
            : new { mid = message.Id, text = message.Text };
        var payload = new
        {
            @object = platform == SimulatedPlatform.Instagram ? "instagram" : "page",
            entry = new[]
            {
                new
                {
                    id = account,
                    // Messaging entries carry milliseconds; feed changes carry seconds.
                    time = state.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
                    messaging = new[]
                    {
                        new
                        {
                            sender = new { id = message.ByAccount ? account : person },
                            recipient = new { id = message.ByAccount ? person : account },
                            timestamp,
                            message = body,
                        },
                    },
                },
            },
        };
        return Signed(platform, payload, $"{platform} message {message.Id}");
    }

    /// <summary>A Page feed change for a comment; verb is add, edited or remove.</summary>
    public WebhookRequest FeedComment(SimulatedEntry comment, string verb)
    {
        var pageId = settings.Meta.PageId;
        var post = state.Find(comment.ThreadId!);
        var author = comment.ByAccount
            ? new { id = pageId, name = settings.Meta.PageName }
            : new { id = comment.PersonId!, name = state.FindPerson(SimulatedPlatform.Facebook, comment.PersonId!)?.Name ?? "" };
        var value = new Dictionary<string, object?>
        {
            ["from"] = author,
            ["post"] = new
            {
                status_type = "mobile_status_update",
                is_published = true,
                updated_time = GraphTime.Format(post?.At ?? comment.At),
                permalink_url = $"https://www.facebook.com/{pageId}/posts/{comment.ThreadId!.Split('_')[^1]}",
                promotion_status = "inactive",
                id = comment.ThreadId,
            },
        };
        if (verb != "remove")
        {
            value["message"] = comment.Text;
        }
        value["post_id"] = comment.ThreadId;
        value["comment_id"] = comment.Id;
        value["created_time"] = comment.At.ToUnixTimeSeconds();
        value["item"] = "comment";
        value["parent_id"] = comment.ParentId ?? comment.ThreadId;
        value["verb"] = verb;
        var payload = new
        {
            @object = "page",
            entry = new[]
            {
                new
                {
                    id = pageId,
                    time = state.Clock.GetUtcNow().ToUnixTimeSeconds(),
                    changes = new[] { new { value, field = "feed" } },
                },
            },
        };
        return Signed(SimulatedPlatform.Facebook, payload, $"Facebook comment {comment.Id} {verb}");
    }

    /// <summary>An Instagram "comments" change: a new comment, or a reply when parent_id is present.</summary>
    public WebhookRequest InstagramComment(SimulatedEntry comment)
    {
        var accountId = settings.Meta.InstagramAccountId;
        var from = comment.ByAccount
            ? new { id = accountId, username = settings.Meta.InstagramUsername }
            : new { id = comment.PersonId!, username = state.FindPerson(SimulatedPlatform.Instagram, comment.PersonId!)?.Username ?? "" };
        var value = new Dictionary<string, object?>
        {
            ["from"] = from,
            ["media"] = new { id = comment.ThreadId, media_product_type = "FEED" },
            ["id"] = comment.Id,
        };
        if (comment.ParentId is not null)
        {
            value["parent_id"] = comment.ParentId;
        }
        value["text"] = comment.Text;
        var payload = new
        {
            @object = "instagram",
            entry = new[]
            {
                new
                {
                    id = accountId,
                    time = state.Clock.GetUtcNow().ToUnixTimeSeconds(),
                    changes = new[] { new { field = "comments", value } },
                },
            },
        };
        return Signed(SimulatedPlatform.Instagram, payload, $"Instagram comment {comment.Id}");
    }

    private WebhookRequest Signed(SimulatedPlatform platform, object payload, string description)
    {
        var body = MetaJson.Serialize(payload);
        return new WebhookRequest(
            platform,
            new Uri(settings.MetaWebhookUrl),
            body,
            new Dictionary<string, string> { [MetaSignature.HeaderName] = MetaSignature.For(settings.Meta.AppSecret, body) },
            description);
    }
}
