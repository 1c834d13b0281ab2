using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Identity;
using BlueLamp.Web.Contact;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BlueLamp.Web.Desk;

/// <summary>The desk: intake of messages, the live event bus, the queue and its JSON API.</summary>
public static class DeskRegistration
{
    public static WebApplicationBuilder AddDesk(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDeskEvents, InProcessDeskEvents>();
        builder.Services.AddSingleton<ContactIntake>();
        builder.Services.AddSingleton<DeskQueue>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDeskApi(this IEndpointRouteBuilder endpoints)
    {
        var desk = endpoints.MapGroup("/api/desk").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Desk });

        desk.MapGet("/queue", async (HttpContext http, DeskQueue queue, BlueLamp.Data.BlueLampDbFactory dbs, BlueLamp.Data.Audit.AuditTrail audit, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            if (user is null)
                return Results.Forbid();
            var items = await queue.ListOpenAsync(user, ct);
            await using var db = dbs.ForForce(user.ForceId);
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.QueueViewed, user.UserId, user.DisplayName, "queue", null, $"{items.Count} open conversations, by API"), ct);
            return Results.Ok(items);
        });

        desk.MapGet("/conversations/{id:guid}", async (Guid id, HttpContext http, DeskQueue queue, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            if (user is null)
                return Results.Forbid();
            var view = await queue.OpenAsync(user, id, ct);
            return view is null ? Results.NotFound() : Results.Ok(view);
        });

        desk.MapPost("/conversations/{id:guid}/replies", async (Guid id, ReplyRequest request, HttpContext http, DeskQueue queue, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            if (user is null)
                return Results.Forbid();
            var result = await queue.ReplyAsync(user, id, request?.Text, ct);
            if (result.ConversationMissing)
                return Results.NotFound();
            return result.Succeeded
                ? Results.Created($"/api/desk/conversations/{id}", new { messageId = result.MessageId })
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [result.Error!] }, title: "The reply was not sent");
        })
        // JSON only (a form cannot send it) and the login cookie is SameSite=Strict, so no cross-site request carries it.
        .DisableAntiforgery();

        return endpoints;
    }

    /// <summary>An operator's reply sent through the JSON API.</summary>
    public sealed record ReplyRequest(string? Text);
}
