using BlueLamp.Simulator.Bluesky;
using BlueLamp.Simulator.Delivery;
using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.State;
using BlueLamp.Simulator.X;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Control;

/// <summary>
/// The simulator's own JSON API under /simulator/api, for tests, the load generator and scripts: create people,
/// act as them, read what BlueLamp sent them, switch faults, run webhook handshakes, reset. See README.md.
/// </summary>
public static class ControlEndpoints
{
    public const string Prefix = "simulator/api";

    public static void MapSimulatorControl(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(SampleImages.Path, (string name, int? kb) => SampleImages.Serve(name, kb)).ExcludeFromDescription();
        var api = routes.MapGroup(Prefix).ExcludeFromDescription().DisableAntiforgery();

        api.MapGet("accounts", (SimulatorState state, IOptions<SimulatorOptions> options) => Enum.GetValues<SimulatedPlatform>()
            .Select(p => new { platform = p, id = state.AccountIdOf(p), name = state.AccountNameOf(p) }));

        api.MapGet("people", (string? platform, SimulatorState state) =>
            ParsePlatform(platform) is { } p ? Results.Ok(state.People(p)) : Results.Ok(Enum.GetValues<SimulatedPlatform>().SelectMany(state.People)));

        api.MapPost("people", (CreatePersonRequest request, SimulatorState state) =>
        {
            if (ParsePlatform(request.Platform) is not { } platform)
            {
                return UnknownPlatform(request.Platform);
            }
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                return Results.BadRequest(new { error = "The name is empty." });
            }
            var person = state.AddPerson(platform, request.Name, request.Username);
            return Results.Created($"/{Prefix}/people/{platform}/{person.Id}", person);
        });

        api.MapGet("people/{platform}/{personId}/thread", (string platform, string personId, SimulatorState state) =>
            ParsePlatform(platform) is { } p && state.FindPerson(p, personId) is not null
                ? Results.Ok(state.Entries(e => e.Platform == p && e.PersonId == personId))
                : Results.NotFound(new { error = $"There is no {platform} person {personId}." }));

        api.MapGet("people/{platform}/{personId}/sent", (string platform, string personId, SimulatorState state) =>
            ParsePlatform(platform) is { } p && state.FindPerson(p, personId) is not null
                ? Results.Ok(state.Entries(e => e.Platform == p && e.PersonId == personId && e.ViaApi))
                : Results.NotFound(new { error = $"There is no {platform} person {personId}." }));

        api.MapPost("people/bluesky/{personId}/chat", (string personId, ChatSettingRequest request, SimulatorState state) =>
        {
            if (state.FindPerson(SimulatedPlatform.Bluesky, personId) is null)
            {
                return Results.NotFound(new { error = $"There is no bluesky person {personId}." });
            }
            if (request.AllowIncoming is not ("all" or "none"))
            {
                return Results.BadRequest(new { error = "allowIncoming must be \"all\" or \"none\"." });
            }
            state.SetChatClosed(personId, request.AllowIncoming == "none");
            return Results.Ok(new { allowIncoming = request.AllowIncoming });
        });

        api.MapGet("comments/{commentId}", (string commentId, SimulatorState state) =>
            state.Find(commentId) is { Kind: EntryKind.Comment or EntryKind.Mention } entry ? Results.Ok(entry) : Results.NotFound(new { error = $"There is no comment {commentId}." }));

        api.MapGet("profiles/{platform}", (string platform, SimulatorState state) =>
            ParsePlatform(platform) is { } p ? Results.Ok(new { text = state.ProfileTextOf(p) }) : UnknownPlatform(platform));

        api.MapGet("sent", (string? platform, SimulatorState state) =>
        {
            var p = ParsePlatform(platform);
            return state.Entries(e => e.ViaApi && (p is null || e.Platform == p));
        });

        api.MapGet("posts", (string? platform, SimulatorState state) =>
        {
            var p = ParsePlatform(platform);
            return state.Entries(e => e.Kind == EntryKind.Post && (p is null || e.Platform == p));
        });

        api.MapPost("posts", (PostRequest request, SimulatorState state) =>
        {
            if (ParsePlatform(request.Platform) is not { } platform)
            {
                return UnknownPlatform(request.Platform);
            }
            if (string.IsNullOrWhiteSpace(request.Text))
            {
                return Results.BadRequest(new { error = "The text is empty." });
            }
            return Results.Ok(state.AddAccountPost(platform, request.Text, request.At ?? state.Clock.GetUtcNow()));
        });

        api.MapPost("posts/threadgate", (ThreadgateRequest request, BlueskyRepoApi repo) =>
            request.Record.ValueKind != System.Text.Json.JsonValueKind.Object
                ? Results.BadRequest(new { error = "The threadgate record must be a JSON object." })
                : repo.SetThreadgateInApp(request.Post, request.Record, request.AfterNextRead == true));

        api.MapPost("messages", async (DirectMessageRequest request, PublicActivity activity, CancellationToken cancellationToken) =>
            ParsePlatform(request.Platform) is { } platform
                ? Answer(await activity.SendDirectMessageAsync(platform, request.PersonId, request.Text, request.At, cancellationToken))
                : UnknownPlatform(request.Platform));

        api.MapPost("comments", async (CommentRequest request, PublicActivity activity, CancellationToken cancellationToken) =>
            ParsePlatform(request.Platform) is { } platform
                ? Answer(await activity.CommentAsync(platform, request.PersonId, request.PostId, request.ParentId, request.Text, request.At, cancellationToken))
                : UnknownPlatform(request.Platform));

        api.MapPost("comments/{commentId}/edit", async (string commentId, EditCommentRequest request, PublicActivity activity, CancellationToken cancellationToken) =>
            Answer(await activity.EditCommentAsync(commentId, request.Text, cancellationToken)));

        api.MapDelete("comments/{commentId}", async (string commentId, PublicActivity activity, CancellationToken cancellationToken) =>
            Answer(await activity.RemoveCommentAsync(commentId, cancellationToken)));

        api.MapPost("mentions", async (MentionRequest request, PublicActivity activity, CancellationToken cancellationToken) =>
            ParsePlatform(request.Platform) is { } platform
                ? Answer(await activity.MentionAsync(platform, request.PersonId, request.Text, request.InReplyTo, request.At, cancellationToken))
                : UnknownPlatform(request.Platform));

        api.MapGet("deliveries", (int? count, DeliveryLog log) => log.Recent(count ?? 100));

        api.MapGet("faults", (FaultBoard faults) => faults.All().ToDictionary(f => PlatformName(f.Key), f => f.Value));

        api.MapPost("faults/{platform}", (string platform, PlatformFaults settings, FaultBoard faults) =>
        {
            if (ParsePlatform(platform) is not { } p)
            {
                return UnknownPlatform(platform);
            }
            var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(settings, new(settings), problems, validateAllProperties: true))
            {
                return Results.BadRequest(new { error = string.Join(" ", problems.Select(r => r.ErrorMessage)) });
            }
            faults.Set(p, settings);
            return Results.Ok(faults.For(p));
        });

        api.MapDelete("faults", (FaultBoard faults) =>
        {
            faults.ClearAll();
            return Results.NoContent();
        });

        api.MapPost("faults/{platform}/release", async (string platform, WebhookDelivery delivery, CancellationToken cancellationToken) =>
            ParsePlatform(platform) is { } p
                ? Results.Ok(new { released = await delivery.ReleaseHeldAsync(p, cancellationToken) })
                : UnknownPlatform(platform));

        api.MapPost("handshakes/meta", (WebhookHandshakes handshakes, CancellationToken cancellationToken) => handshakes.VerifyMetaSubscriptionAsync(cancellationToken));

        api.MapPost("handshakes/x", (WebhookHandshakes handshakes, CancellationToken cancellationToken) => handshakes.CheckXCrcAsync(cancellationToken));

        api.MapPost("reset", (SimulatorState state, FaultBoard faults, WebhookDelivery delivery, DeliveryLog log, BlueskyNotificationsApi notifications, XGate xGate) =>
        {
            faults.ClearAll();
            delivery.ForgetHeld();
            log.Clear();
            notifications.Reset();
            xGate.Reset();
            state.Reset();
            return Results.NoContent();
        });
    }

    /// <summary>Reads "facebook", "Instagram", "x", "bluesky" in any case.</summary>
    public static SimulatedPlatform? ParsePlatform(string? text) =>
        Enum.TryParse<SimulatedPlatform>(text, ignoreCase: true, out var platform) && Enum.IsDefined(platform) && !int.TryParse(text, out _) ? platform : null;

    private static string PlatformName(SimulatedPlatform platform) => platform.ToString().ToLowerInvariant();

    private static IResult UnknownPlatform(string? text) =>
        Results.BadRequest(new { error = $"Unknown platform \"{text}\": use facebook, instagram, x or bluesky." });

    private static IResult Answer(ActivityResult result) => result.Succeeded
        ? Results.Ok(new
        {
            id = result.Entry!.Id,
            threadId = result.Entry.ThreadId,
            parentId = result.Entry.ParentId,
            cid = result.Entry.Cid,
            entry = result.Entry,
            delivery = result.Delivery,
        })
        : Results.BadRequest(new { error = result.Error });
}
