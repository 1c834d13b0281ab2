using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Core.Triage;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Contact;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BlueLamp.Web.Desk;

/// <summary>The desk: intake of messages, the live event bus, the queue, conversations and their JSON API.</summary>
public static class DeskRegistration
{
    public static WebApplicationBuilder AddDesk(this WebApplicationBuilder builder)
    {
        // One node: events stay in the process. PostgreSQL (possibly several nodes): every node's screens see every event.
        var database = DatabaseSettings.From(builder.Configuration);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton(sp => new PostgresDeskEvents(database.ConnectionString, sp.GetRequiredService<ILogger<PostgresDeskEvents>>()));
            builder.Services.AddSingleton<IDeskEvents>(sp => sp.GetRequiredService<PostgresDeskEvents>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresDeskEvents>());
        }
        else
        {
            builder.Services.AddSingleton<IDeskEvents, InProcessDeskEvents>();
        }
        builder.Services.AddSingleton<ContactIntake>();
        builder.Services.AddSingleton<DeskQueue>();
        builder.Services.AddSingleton<ConversationCase>();
        builder.Services.AddSingleton<ReplyTemplates>();
        builder.Services.AddSingleton<Supervision.DeskPresence>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Supervision.DeskPresenceCircuitHandler>();
        builder.Services.AddSingleton<Supervision.DeskWall>();
        builder.Services.AddSingleton<Supervision.TriageReview>();
        builder.Services.AddSingleton<Supervision.AlarmReport>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDeskApi(this IEndpointRouteBuilder endpoints)
    {
        // JSON only (a form cannot send it) and the login cookie is SameSite=Strict, so no cross-site request
        // carries it: the API needs no antiforgery token.
        var desk = endpoints.MapGroup("/api/desk").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Desk }).DisableAntiforgery();

        desk.MapGet("/queue", async (HttpContext http, DeskQueue queue, BlueLampDbFactory dbs, AuditTrail audit,
            bool? mine, bool? unassigned, int? grade, string? search, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var filter = new QueueFilter { Mine = mine == true, Unassigned = unassigned == true, Grade = grade is >= 1 and <= 4 ? (Grade)grade : null, Search = search };
            var items = await queue.ListOpenAsync(user, filter, ct);
            await using var db = dbs.ForForce(user.ForceId);
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.QueueViewed, user.UserId, user.DisplayName, "queue", null,
                $"{items.Count} open conversations, by API{(string.IsNullOrWhiteSpace(search) ? "" : $", search: {search}")}"), ct);
            return Results.Ok(items);
        });

        desk.MapGet("/conversations/{id:guid}", async (Guid id, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : await cases.OpenAsync(user, id, ct) is { } view ? Results.Ok(view) : Results.NotFound());

        desk.MapPost("/conversations/{id:guid}/claim", async (Guid id, HttpContext http, DeskQueue queue, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await queue.ClaimAsync(user, id, ct);
            return result.Succeeded ? Results.Ok(new { claimed = true })
                : result.HeldBy is not null ? Results.Conflict(new { error = result.Error, heldBy = result.HeldBy })
                : Results.Problem(result.Error, statusCode: StatusCodes.Status400BadRequest);
        });

        desk.MapPost("/conversations/{id:guid}/replies", async (Guid id, TextRequest request, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await cases.ReplyAsync(user, id, request?.Text, ct), id, "text"));

        desk.MapPost("/conversations/{id:guid}/private-replies", async (Guid id, TextRequest request, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await cases.ReplyPrivatelyAsync(user, id, request?.Text, ct), id, "text"));

        desk.MapGet("/conversations/{id:guid}/private-reply", async (Guid id, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : await cases.CheckPrivateReplyAsync(user, id, ct) is { } check
                    ? Results.Ok(new { allowed = check.Refusal is null, reason = check.Refusal, safeLine = check.SafeLine })
                    : Results.NotFound());

        desk.MapPost("/conversations/{id:guid}/messages/{messageId:guid}/hide", async (Guid id, Guid messageId, HideRequest request, HttpContext http, Channels.CommentHiding hiding, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await hiding.HideAsync(user, id, messageId, request?.Reason, ct), id, "reason"));

        desk.MapPost("/conversations/{id:guid}/messages/{messageId:guid}/unhide", async (Guid id, Guid messageId, HttpContext http, Channels.CommentHiding hiding, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await hiding.UnhideAsync(user, id, messageId, ct), id, "reason"));

        desk.MapPost("/conversations/{id:guid}/notes", async (Guid id, TextRequest request, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await cases.AddNoteAsync(user, id, request?.Text, ct), id, "note"));

        desk.MapPost("/conversations/{id:guid}/assessments", async (Guid id, AssessmentRequest request, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await cases.AssessAsync(user, id, request.Fields(), request.Grade is >= 1 and <= 4 ? (Grade)request.Grade : null, request.LifeAtRisk, ct), id, "grade"));

        desk.MapPost("/conversations/{id:guid}/close", async (Guid id, CloseRequest request, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await cases.CloseAsync(user, id, request?.Outcome, ct), id, "outcome"));

        desk.MapPost("/conversations/{id:guid}/link-person", async (Guid id, LinkPersonRequest request, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await cases.LinkPersonAsync(user, id, request?.PersonId ?? Guid.Empty, request?.Reason, ct), id, "person"));

        desk.MapPost("/conversations/{id:guid}/life-at-risk", async (Guid id, HttpContext http, ConversationCase cases, CancellationToken ct) =>
            DeskUser.From(http.User) is not { } user ? Results.Forbid()
                : Answer(await cases.MarkLifeAtRiskAsync(user, id, ct), id, "lifeAtRisk"));

        var controlRoom = endpoints.MapGroup("/api/control-room")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.ControlRoom + "," + Roles.Supervisor }).DisableAntiforgery();
        controlRoom.MapGet("/handovers", async (HttpContext http, Triage.ControlRoom room, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var handovers = await room.ListAsync(user, ct);
            await room.RecordViewedAsync(user, handovers.Count, ct);
            return Results.Ok(handovers);
        });
        controlRoom.MapPost("/referrals", async (Triage.EmergencyReferral referral, HttpContext http, Triage.EmergencyReferrals referrals, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await referrals.ReceiveAsync(user, referral, ct);
            return result.Succeeded
                ? Results.Created($"/api/desk/conversations/{result.CreatedId}", new { conversationId = result.CreatedId })
                : Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key.Length == 0 ? "details" : e.Key, e => new[] { e.Value }), title: "Referral not recorded");
        });

        controlRoom.MapPost("/handovers/{id:guid}/acknowledge", async (Guid id, AcknowledgeRequest request, HttpContext http, Triage.ControlRoom room, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await room.AcknowledgeAsync(user, id, request?.IncidentNumber, ct);
            return result.ConversationMissing ? Results.NotFound()
                : result.Succeeded ? Results.Ok(new { acknowledged = true })
                : Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key.Length == 0 ? "incidentNumber" : e.Key, e => new[] { e.Value }), title: "Not acknowledged");
        });

        // Letting a job go is the control room's own decision: a desk supervisor may acknowledge, never confirm a stand-down.
        controlRoom.MapPost("/handovers/{id:guid}/stand-down/confirm", async (Guid id, HttpContext http, Triage.ControlRoom room, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var result = await room.ConfirmStandDownAsync(user, id, ct);
            return result.ConversationMissing ? Results.NotFound()
                : result.Succeeded ? Results.Ok(new { confirmed = true })
                : Results.Conflict(new { error = result.Error });
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.ControlRoom });

        endpoints.MapGroup("/api/supervisor").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Supervisor }).DisableAntiforgery()
            .MapPost("/conversations/{id:guid}/reassign", async (Guid id, ReassignRequest request, HttpContext http, DeskQueue queue, CancellationToken ct) =>
            {
                if (DeskUser.From(http.User) is not { } user)
                    return Results.Forbid();
                var result = await queue.ReassignAsync(user, id, request.ToUserId ?? "", request.Reason ?? "", ct);
                return result.Succeeded ? Results.Ok(new { reassigned = true }) : Results.Problem(result.Error, statusCode: StatusCodes.Status400BadRequest);
            });

        endpoints.MapGet("/api/supervisor/alarms", async (DateTimeOffset? from, DateTimeOffset? to, HttpContext http, Supervision.AlarmReport report, CancellationToken ct) =>
        {
            if (DeskUser.From(http.User) is not { } user)
                return Results.Forbid();
            var (view, result) = await report.ForPeriodAsync(user, from, to, ct);
            return result.Succeeded ? Results.Ok(view) : Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "No report");
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Supervision.AlarmReport.Roles });

        return endpoints;
    }

    private static IResult Answer(DeskResult result, Guid conversationId, string defaultField)
    {
        if (result.ConversationMissing)
            return Results.NotFound();
        if (result.Succeeded)
            return Results.Created($"/api/desk/conversations/{conversationId}", new { id = result.CreatedId });
        var errors = result.Errors.ToDictionary(e => e.Key.Length == 0 ? defaultField : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value });
        return Results.ValidationProblem(errors, title: "Not done");
    }

    /// <summary>A reply or note sent through the JSON API.</summary>
    public sealed record TextRequest(string? Text);

    /// <summary>A THRIVE assessment sent through the JSON API.</summary>
    /// <remarks><c>lifeAtRisk</c>: false to judge that no life is at risk on a life-at-risk conversation (the alarm is overturned, the rationale its reason); null or absent to leave it.</remarks>
    public sealed record AssessmentRequest(int? Grade, string? Threat, string? Harm, string? Risk, string? Investigation, string? Vulnerability, string? Engagement, string? Rationale, bool? LifeAtRisk = null)
    {
        public ThriveFields Fields() => new(Threat ?? "", Harm ?? "", Risk ?? "", Investigation ?? "", Vulnerability ?? "", Engagement ?? "", Rationale ?? "");
    }

    /// <summary>Hiding a public comment, with the reason that is audited.</summary>
    public sealed record HideRequest(string? Reason);

    /// <summary>Closing a conversation through the JSON API.</summary>
    public sealed record CloseRequest(string? Outcome);

    /// <summary>Linking another person record to a conversation's person.</summary>
    public sealed record LinkPersonRequest(Guid? PersonId, string? Reason);

    /// <summary>The control room's acknowledgement of a handover.</summary>
    public sealed record AcknowledgeRequest(string? IncidentNumber);

    /// <summary>A supervisor's reassignment through the JSON API.</summary>
    public sealed record ReassignRequest(string? ToUserId, string? Reason);
}
