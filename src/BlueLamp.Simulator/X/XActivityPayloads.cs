using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BlueLamp.Simulator.Delivery;
using BlueLamp.Simulator.State;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.X;

/// <summary>
/// Builds Account Activity API events: direct_message_events (message_create) with the users map, and
/// tweet_create_events carrying v1.1 Tweet objects, signed with x-twitter-webhooks-signature.
/// </summary>
public sealed class XActivityPayloads(IOptions<SimulatorOptions> options, SimulatorState state)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly SimulatorOptions settings = options.Value;

    /// <summary>A DM event; X sends the account's own sent DMs to the webhook as well.</summary>
    public WebhookRequest DirectMessage(SimulatedEntry message)
    {
        var account = settings.X.UserId;
        var person = message.PersonId!;
        var sender = message.ByAccount ? account : person;
        var recipient = message.ByAccount ? person : account;
        var payload = new
        {
            for_user_id = account,
            direct_message_events = new[]
            {
                new
                {
                    type = "message_create",
                    id = message.Id,
                    created_timestamp = message.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    message_create = new
                    {
                        target = new { recipient_id = recipient },
                        sender_id = sender,
                        message_data = new
                        {
                            text = message.Text,
                            entities = new { hashtags = Array.Empty<object>(), symbols = Array.Empty<object>(), user_mentions = Array.Empty<object>(), urls = Array.Empty<object>() },
                        },
                    },
                },
            },
            users = new Dictionary<string, object>
            {
                [sender] = UserMap(sender),
                [recipient] = UserMap(recipient),
            },
        };
        return Signed(payload, $"X DM {message.Id}");
    }

    /// <summary>A tweet that mentions or replies to the account, or the account's own tweet.</summary>
    public WebhookRequest TweetCreate(SimulatedEntry tweet)
    {
        var payload = new Dictionary<string, object?>
        {
            ["for_user_id"] = settings.X.UserId,
        };
        if (!tweet.ByAccount)
        {
            // Present only when the event comes from a mention of the subscribed user.
            payload["user_has_blocked"] = false;
        }
        payload["tweet_create_events"] = new[] { V1Tweet(tweet) };
        return Signed(payload, $"X tweet {tweet.Id}");
    }

    /// <summary>A v1.1 Tweet object; longer than 140 characters, "text" is truncated and the whole text sits in extended_tweet.</summary>
    public Dictionary<string, object?> V1Tweet(SimulatedEntry tweet)
    {
        var authorId = tweet.ByAccount ? settings.X.UserId : tweet.PersonId!;
        var parent = tweet.ParentId is null ? null : state.Find(tweet.ParentId);
        var parentAuthorId = parent is null ? null : parent.ByAccount ? settings.X.UserId : parent.PersonId;
        var mentions = Mentions(tweet.Text);
        var truncated = tweet.Text.Length > 140;
        var result = new Dictionary<string, object?>
        {
            ["created_at"] = tweet.At.ToUniversalTime().ToString("ddd MMM dd HH:mm:ss '+0000' yyyy", CultureInfo.InvariantCulture),
            ["id"] = long.Parse(tweet.Id, CultureInfo.InvariantCulture),
            ["id_str"] = tweet.Id,
            ["text"] = truncated ? tweet.Text[..139] + "…" : tweet.Text,
            ["source"] = "<a href=\"https://mobile.x.com\" rel=\"nofollow\">X Web App</a>",
            ["truncated"] = truncated,
            ["in_reply_to_status_id"] = parent is null ? null : long.Parse(parent.Id, CultureInfo.InvariantCulture),
            ["in_reply_to_status_id_str"] = parent?.Id,
            ["in_reply_to_user_id"] = parentAuthorId is null ? null : long.Parse(parentAuthorId, CultureInfo.InvariantCulture),
            ["in_reply_to_user_id_str"] = parentAuthorId,
            ["in_reply_to_screen_name"] = parentAuthorId is null ? null : UserOf(parentAuthorId).Username,
            ["user"] = UserV1(authorId),
            ["geo"] = null,
            ["coordinates"] = null,
            ["place"] = null,
            ["contributors"] = null,
            ["is_quote_status"] = false,
            ["quote_count"] = 0,
            ["reply_count"] = 0,
            ["retweet_count"] = 0,
            ["favorite_count"] = 0,
            ["entities"] = new { hashtags = Array.Empty<object>(), urls = Array.Empty<object>(), user_mentions = mentions, symbols = Array.Empty<object>() },
            ["favorited"] = false,
            ["retweeted"] = false,
            ["filter_level"] = "low",
            ["lang"] = "en",
            ["timestamp_ms"] = tweet.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (truncated)
        {
            result["extended_tweet"] = new
            {
                full_text = tweet.Text,
                display_text_range = new[] { 0, tweet.Text.Length },
                entities = new { hashtags = Array.Empty<object>(), urls = Array.Empty<object>(), user_mentions = mentions, symbols = Array.Empty<object>() },
            };
        }
        return result;
    }

    private object[] Mentions(string text)
    {
        var found = new List<object>();
        var handle = "@" + settings.X.Username;
        var at = text.IndexOf(handle, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            found.Add(new
            {
                screen_name = settings.X.Username,
                name = settings.X.Name,
                id = long.Parse(settings.X.UserId, CultureInfo.InvariantCulture),
                id_str = settings.X.UserId,
                indices = new[] { at, at + handle.Length },
            });
        }
        return [.. found];
    }

    private (string Name, string Username) UserOf(string id) =>
        id == settings.X.UserId
            ? (settings.X.Name, settings.X.Username)
            : state.FindPerson(SimulatedPlatform.X, id) is { } person ? (person.Name, person.Username) : ("Unknown", "unknown");

    private object UserMap(string id)
    {
        var (name, username) = UserOf(id);
        return new
        {
            id,
            created_timestamp = "1422556069340",
            name,
            screen_name = username,
            @protected = false,
            verified = false,
            followers_count = 120,
            friends_count = 80,
            statuses_count = 940,
            profile_image_url_https = "https://pbs.twimg.com/profile_images/default_normal.png",
        };
    }

    private object UserV1(string id)
    {
        var (name, username) = UserOf(id);
        return new
        {
            id = long.Parse(id, CultureInfo.InvariantCulture),
            id_str = id,
            name,
            screen_name = username,
            location = (string?)null,
            url = (string?)null,
            description = (string?)null,
            @protected = false,
            verified = false,
            followers_count = 120,
            friends_count = 80,
            statuses_count = 940,
            created_at = "Thu Jan 29 18:14:29 +0000 2015",
            profile_image_url_https = "https://pbs.twimg.com/profile_images/default_normal.png",
        };
    }

    private WebhookRequest Signed(object payload, string description)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
        return new WebhookRequest(
            SimulatedPlatform.X,
            new Uri(settings.XWebhookUrl),
            body,
            new Dictionary<string, string> { [XSignature.HeaderName] = XSignature.For(settings.X.ConsumerSecret, body) },
            description);
    }
}
