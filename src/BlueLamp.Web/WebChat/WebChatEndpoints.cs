using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using BlueLamp.Channels.WebChat;
using BlueLamp.Core.Contact;
using BlueLamp.Web.Contact;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BlueLamp.Web.WebChat;

/// <summary>
/// The public web chat's JSON API: no login; a visitor is known by the token their browser keeps.
/// Anyone may call it, so every input is checked and every visitor is rate limited.
/// </summary>
public static class WebChatEndpoints
{
    public const string VisitorHeader = "X-Visitor-Token";
    private const string RatePolicy = "webchat";

    /// <summary>Room for the longest message in escaped JSON, and no more.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WebChatDirectory>();
        builder.Services.AddSingleton<WebChatTranscript>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per visitor once they have a token; a first message (no token yet) is held only by the per-address ceiling below,
            // so people behind one shared address (a school, a phone network) are never refused their first message.
            options.AddPolicy(RatePolicy, context =>
                context.Request.Headers[VisitorHeader].ToString() is var token && VisitorToken.LooksValid(token)
                    ? RateLimitPartition.GetFixedWindowLimiter("v:" + token, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = WebChatLimits.MessagesPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("first-message"));
            // Tokens are free to make up, so one address also has a ceiling however many "visitors" it claims to be.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api/webchat") && HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = WebChatLimits.MessagesPerMinutePerAddress,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["text"] = ["You are sending messages faster than we can take them. Please wait a minute and send again. If you are in danger now, call 999."],
                })
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many messages",
                }, cancellationToken);
            };
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var chat = endpoints.MapGroup("/api/webchat/{force}").AllowAnonymous().DisableAntiforgery();
        chat.MapPost("/messages", PostMessage)
            .RequireRateLimiting(RatePolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)); // a bigger body is answered 413 before it is read
        chat.MapGet("/transcript", GetTranscript);
        chat.MapGet("/stream", Stream);
        return endpoints;
    }

    /// <summary>Stores a message from the public; the first one creates the visitor's token.</summary>
    private static async Task<Results<Created<PostedMessage>, Ok<PostedMessage>, ValidationProblem, NotFound<ProblemDetails>>> PostMessage(
        string force,
        HttpContext http,
        WebChatDirectory directory,
        ContactIntake intake,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var chat = await directory.FindAsync(force, cancellationToken);
        if (chat is null)
            return UnknownForce(force);

        var post = await ReadPostAsync(http.Request, cancellationToken);
        if (post.Error is { } bodyError)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [bodyError] }, title: "Your message was not sent");
        var (errors, clean) = WebChatValidation.Validate(post.Value);
        var headerToken = http.Request.Headers[VisitorHeader].ToString();
        if (headerToken.Length > 0 && !VisitorToken.LooksValid(headerToken))
            errors = new Dictionary<string, string[]>(errors) { ["visitorToken"] = ["This chat session is not valid any more. Reload the page to start a new one."] };
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Your message was not sent");

        var token = headerToken.Length > 0 ? headerToken : VisitorToken.Create();
        var result = await intake.ReceiveAsync(chat.ForceId, WebChatTranscript.ToInbound(chat, token, clean, time.GetUtcNow()), cancellationToken);
        var body = new PostedMessage(result.MessageId, token, result.Duplicate);
        return result.Duplicate
            ? TypedResults.Ok(body)
            : TypedResults.Created($"/api/webchat/{chat.ForceSlug}/transcript", body);
    }

    private static async Task<Results<Ok<IReadOnlyList<WebChatMessage>>, NotFound<ProblemDetails>, UnauthorizedHttpResult>> GetTranscript(
        string force,
        HttpContext http,
        WebChatDirectory directory,
        WebChatTranscript transcript,
        CancellationToken cancellationToken)
    {
        var chat = await directory.FindAsync(force, cancellationToken);
        if (chat is null)
            return UnknownForce(force);
        var token = http.Request.Headers[VisitorHeader].ToString();
        if (!VisitorToken.LooksValid(token))
            return TypedResults.Unauthorized();
        var conversationId = await transcript.FindConversationAsync(chat, token, cancellationToken);
        IReadOnlyList<WebChatMessage> messages = conversationId is null ? [] : await transcript.ReadAsync(chat, conversationId.Value, cancellationToken);
        return TypedResults.Ok(messages);
    }

    /// <summary>
    /// A server-sent event stream of the visitor's conversation: first everything so far, then each new
    /// message as it is stored. The page ignores messages it already shows, so reconnecting is safe.
    /// </summary>
    private static async Task<IResult> Stream(
        string force,
        [FromQuery] string? token,
        WebChatDirectory directory,
        WebChatTranscript transcript,
        IDeskEvents deskEvents,
        CancellationToken cancellationToken)
    {
        var chat = await directory.FindAsync(force, cancellationToken);
        if (chat is null)
            return UnknownForce(force);
        if (!VisitorToken.LooksValid(token))
            return TypedResults.Unauthorized();
        var conversationId = await transcript.FindConversationAsync(chat, token!, cancellationToken);
        if (conversationId is null)
            return TypedResults.NotFound(new ProblemDetails { Title = "No conversation yet", Detail = "Send a message first." });
        return TypedResults.ServerSentEvents(Events(chat, conversationId.Value, transcript, deskEvents, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<WebChatMessage>> Events(
        WebChatAccount chat, Guid conversationId, WebChatTranscript transcript, IDeskEvents deskEvents,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arrived = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
        // Subscribe before reading the history, so nothing written in between is missed.
        using var subscription = deskEvents.Subscribe(chat.ForceId, e =>
        {
            if (e.ConversationId == conversationId && e.MessageId is { } id)
                arrived.Writer.TryWrite(id);
            return Task.CompletedTask;
        });

        foreach (var message in await transcript.ReadAsync(chat, conversationId, cancellationToken))
            yield return new SseItem<WebChatMessage>(message, "message") { EventId = message.Id.ToString("N") };

        await foreach (var messageId in arrived.Reader.ReadAllAsync(cancellationToken))
        {
            var message = await transcript.ReadOneAsync(chat, conversationId, messageId, cancellationToken);
            if (message is not null)
                yield return new SseItem<WebChatMessage>(message, "message") { EventId = message.Id.ToString("N") };
        }
    }

    /// <summary>Reads the JSON body, turning anything that is not a readable post into a clear error rather than an exception.</summary>
    private static async Task<(WebChatPost? Value, string? Error)> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return (null, "Send the message as JSON (Content-Type: application/json).");
        try
        {
            var post = await request.ReadFromJsonAsync<WebChatPost>(cancellationToken);
            return post is null ? (null, "The message is empty.") : (post, null);
        }
        catch (JsonException)
        {
            return (null, "The message could not be read: it is not valid JSON of the form {\"text\": \"...\", \"clientMessageId\": \"...\"}.");
        }
    }

    private static NotFound<ProblemDetails> UnknownForce(string force) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Unknown force", Detail = $"There is no web chat at '{force}'." });

    /// <summary>The answer to a posted message: its id and the visitor's token to keep.</summary>
    public sealed record PostedMessage(Guid MessageId, string VisitorToken, bool Duplicate);
}
