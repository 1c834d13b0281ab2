using System.Text;
using System.Text.Json;
using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// The Send API, POST /{version}/{page-id|ig-id|me}/messages: Messenger and Instagram replies to a person
/// (recipient.id) and private replies to a commenter (recipient.comment_id), under Meta's messaging windows.
/// </summary>
public sealed class GraphSendApi(SimulatorState state, GraphGate gate, AccountEchoes echoes, IOptions<SimulatorOptions> options)
{
    private static readonly string[] MessagingTypes = ["RESPONSE", "UPDATE", "MESSAGE_TAG"];
    private static readonly string[] Tags = ["HUMAN_AGENT", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE"];
    private readonly MetaAccountOptions meta = options.Value.Meta;

    public async Task<IResult> SendAsync(HttpRequest request, string id)
    {
        var parameters = await GraphParameters.ReadAsync(request, request.HttpContext.RequestAborted);
        var recipient = parameters.Object("recipient");
        var platform = PlatformOf(id, recipient);
        if (await gate.CheckAsync(request, parameters, platform ?? SimulatedPlatform.Facebook, sendApi: true) is { } refused)
        {
            return refused;
        }
        if (platform is not { } target)
        {
            return GraphErrors.UnknownObject(id);
        }
        if (recipient is not { } to)
        {
            return GraphErrors.InvalidParameter("The parameter recipient is required");
        }
        if (parameters.String("sender_action") is { } action)
        {
            // Typing indicators and "seen" marks change nothing the person reads.
            return To(to, action);
        }
        var message = parameters.Object("message");
        var text = message is { } m && m.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (message is null)
        {
            return GraphErrors.InvalidParameter("The parameter message is required");
        }
        if (string.IsNullOrEmpty(text))
        {
            return GraphErrors.InvalidParameter("param message must be non-empty.");
        }
        if (target == SimulatedPlatform.Instagram ? Encoding.UTF8.GetByteCount(text) > 1000 : text.Length > 2000)
        {
            return GraphErrors.InvalidParameter(target == SimulatedPlatform.Instagram
                ? "Length of param message[text] must be less than or equal to 1000 bytes"
                : "Length of param message[text] must be less than or equal to 2000");
        }
        return to.TryGetProperty("comment_id", out var commentId)
            ? PrivateReply(target, commentId.GetString() ?? "", text)
            : Reply(target, to, parameters, text);
    }

    private IResult Reply(SimulatedPlatform platform, JsonElement to, GraphParameters parameters, string text)
    {
        var personId = to.TryGetProperty("id", out var idElement) ? idElement.ToString() : null;
        if (string.IsNullOrEmpty(personId) || state.FindPerson(platform, personId) is null)
        {
            return GraphErrors.NoMatchingUser();
        }
        var messagingType = parameters.String("messaging_type");
        if (messagingType is null || !MessagingTypes.Contains(messagingType))
        {
            return GraphErrors.InvalidParameter("param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
        }
        var tag = parameters.String("tag");
        if (messagingType == "MESSAGE_TAG" && (tag is null || !Tags.Contains(tag)))
        {
            return GraphErrors.InvalidParameter("Param tag must be one of {CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE, ACCOUNT_UPDATE, HUMAN_AGENT}");
        }
        var fromPerson = state.Entries(e => e.Platform == platform && e.Kind == EntryKind.DirectMessage && !e.ByAccount && e.PersonId == personId);
        DateTimeOffset? lastFromPerson = fromPerson.Count > 0 ? fromPerson[^1].At : null;
        var humanAgent = messagingType == "MESSAGE_TAG" && tag == "HUMAN_AGENT";
        var now = state.Clock.GetUtcNow();
        var problems = new List<string>();
        if (messagingType == "MESSAGE_TAG" && !humanAgent)
        {
            // Meta lets these tags through but reviews their use; none of them fits a police reply.
            problems.Add($"sent with tag {tag}, which Meta's policy does not allow for this kind of reply");
        }
        else if (!MessagingWindow.Allows(lastFromPerson, now, humanAgent))
        {
            return GraphErrors.OutsideWindow();
        }
        var sent = state.Add(new SimulatedEntry
        {
            Id = PlatformIds.NextMessageId(),
            Platform = platform,
            Kind = EntryKind.DirectMessage,
            ByAccount = true,
            ViaApi = true,
            PersonId = personId,
            Text = text,
            At = now,
            ThreadId = state.ThreadFor(platform, personId),
            SendMode = messagingType == "MESSAGE_TAG" ? tag : messagingType,
            Problems = problems,
        });
        echoes.After(sent);
        return new PlatformJson(200, new { recipient_id = personId, message_id = sent.Id });
    }

    private IResult PrivateReply(SimulatedPlatform platform, string commentId, string text)
    {
        if (state.Find(commentId) is not { Kind: EntryKind.Comment, ByAccount: false, PersonId: { } personId } comment || comment.Platform != platform)
        {
            return GraphErrors.InvalidParameter("Invalid parameter comment_id");
        }
        var now = state.Clock.GetUtcNow();
        if (now - comment.At > MessagingWindow.PrivateReply)
        {
            return GraphErrors.OutsideWindow();
        }
        if (state.Entries(e => e.SendMode == "PRIVATE_REPLY" && e.ParentId == commentId).Count > 0)
        {
            return GraphErrors.AlreadyReplied();
        }
        var sent = state.Add(new SimulatedEntry
        {
            Id = PlatformIds.NextMessageId(),
            Platform = platform,
            Kind = EntryKind.DirectMessage,
            ByAccount = true,
            ViaApi = true,
            PersonId = personId,
            Text = text,
            At = now,
            ThreadId = state.ThreadFor(platform, personId),
            ParentId = commentId,
            SendMode = "PRIVATE_REPLY",
        });
        echoes.After(sent);
        return new PlatformJson(200, new { recipient_id = personId, message_id = sent.Id });
    }

    private static IResult To(JsonElement recipient, string action) =>
        new PlatformJson(200, new { recipient_id = recipient.TryGetProperty("id", out var id) ? id.ToString() : null, sender_action = action });

    /// <summary>Instagram when addressed to the Instagram account, or to the Page about an Instagram person or comment.</summary>
    private SimulatedPlatform? PlatformOf(string id, JsonElement? recipient)
    {
        if (id == meta.InstagramAccountId)
        {
            return SimulatedPlatform.Instagram;
        }
        if (id != meta.PageId && id != "me")
        {
            return null;
        }
        if (recipient is { } to)
        {
            if (to.TryGetProperty("id", out var person) && state.FindPerson(SimulatedPlatform.Instagram, person.ToString()) is not null)
            {
                return SimulatedPlatform.Instagram;
            }
            if (to.TryGetProperty("comment_id", out var comment) && state.Find(comment.ToString()) is { Platform: SimulatedPlatform.Instagram })
            {
                return SimulatedPlatform.Instagram;
            }
        }
        return SimulatedPlatform.Facebook;
    }
}
