using BlueLamp.Core.Identity;
using BlueLamp.Core.Publishing;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BlueLamp.Web.Publishing;

/// <summary>The JSON API of publishing: posts, approval, the schedule, lockdown, appeals and the calendar.</summary>
public static class PublishingEndpoints
{
    public const string Writers = Roles.CommsOfficer + "," + Roles.Contributor + "," + Roles.Supervisor;
    public const string LockdownRoles = Roles.CommsOfficer + "," + Roles.Supervisor;

    public static IEndpointRouteBuilder MapPublishing(this IEndpointRouteBuilder endpoints)
    {
        // JSON only and the login cookie is SameSite=Strict, as for the desk API: no antiforgery token needed.
        var posts = endpoints.MapGroup("/api/posts").RequireAuthorization(new AuthorizeAttribute { Roles = Writers }).DisableAntiforgery();

        posts.MapGet("/", async (HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            await actors.FromAsync(http.User, ct) is { } actor ? Results.Ok(await desk.ListAsync(actor, ct)) : Results.Forbid());

        posts.MapGet("/accounts", async (HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            await actors.FromAsync(http.User, ct) is { } actor
                ? Results.Ok((await desk.AccountsForAsync(actor, ct)).Select(a => new { a.Id, a.Platform, a.DisplayName, a.Handle, a.Kind }))
                : Results.Forbid());

        posts.MapGet("/calendar", async (HttpContext http, PostActors actors, PostCalendar calendar, DateTimeOffset? from, DateTimeOffset? to, Guid? accountId, string? purpose, TimeProvider time, CancellationToken ct) =>
        {
            if (await actors.FromAsync(http.User, ct) is not { } actor)
                return Results.Forbid();
            var start = from ?? time.GetUtcNow().AddDays(-7);
            PostPurpose? p = null;
            if (!string.IsNullOrWhiteSpace(purpose))
            {
                if (!Enum.TryParse<PostPurpose>(purpose, true, out var parsed) || !Enum.IsDefined(parsed))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = [$"Choose a purpose: {string.Join(", ", Enum.GetNames<PostPurpose>())}."] });
                p = parsed;
            }
            return Results.Ok(await calendar.ListAsync(actor.ForceId, start, to ?? start.AddDays(35), accountId, p, ct));
        });

        posts.MapGet("/{id:guid}", async (Guid id, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            await actors.FromAsync(http.User, ct) is not { } actor ? Results.Forbid()
                : await desk.GetAsync(actor, id, ct) is { } details ? Results.Ok(details) : Results.NotFound());

        posts.MapPost("/", (PostRequest request, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            WithDraftAsync(request, http, actors, (actor, draft) => desk.SaveDraftAsync(actor, null, draft, ct), ct));
        posts.MapPut("/{id:guid}", (Guid id, PostRequest request, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            WithDraftAsync(request, http, actors, (actor, draft) => desk.SaveDraftAsync(actor, id, draft, ct), ct));
        posts.MapPost("/submit", (PostRequest request, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            WithDraftAsync(request, http, actors, (actor, draft) => desk.SubmitAsync(actor, null, draft, ct), ct));
        posts.MapPost("/{id:guid}/submit", (Guid id, PostRequest request, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            WithDraftAsync(request, http, actors, (actor, draft) => desk.SubmitAsync(actor, id, draft, ct), ct));

        posts.MapPost("/{id:guid}/approve", (Guid id, VersionRequest request, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => desk.ApproveAsync(actor, id, request.Version, ct), ct));
        posts.MapPost("/{id:guid}/reject", (Guid id, RejectRequest request, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => desk.RejectAsync(actor, id, request.Version, request.Reason, ct), ct));
        posts.MapPost("/{id:guid}/schedule", (Guid id, ScheduleRequest request, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => desk.ScheduleAsync(actor, id, request.At, ct), ct));
        posts.MapPost("/copies/{copyId:guid}/retry", (Guid copyId, HttpContext http, PostActors actors, PostDesk desk, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => desk.RetryCopyAsync(actor, copyId, ct), ct));

        posts.MapPost("/{id:guid}/authorisation", (Guid id, AuthorisationInput request, HttpContext http, PostActors actors, AppealDesk appeals, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => appeals.AuthoriseAsync(actor, id, request, ct), ct));
        posts.MapPost("/{id:guid}/case-status", (Guid id, CaseStatusRequest request, HttpContext http, PostActors actors, AppealDesk appeals, CancellationToken ct) =>
            Enum.TryParse<CaseStatus>(request.Status, true, out var status) && Enum.IsDefined(status)
                ? AsActorAsync(http, actors, actor => appeals.ChangeStatusAsync(actor, id, status, request.Replace, request.ReplacementText, ct), ct)
                : Task.FromResult(Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Choose a status: {string.Join(", ", Enum.GetNames<CaseStatus>())}."] })));
        posts.MapPost("/{id:guid}/withdrawals/retry", (Guid id, HttpContext http, PostActors actors, AppealDesk appeals, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => appeals.RetryWithdrawalsAsync(actor, id, ct), ct));
        posts.MapPost("/{id:guid}/comment-hold/retry", (Guid id, HttpContext http, PostActors actors, CommentHold holds, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => holds.RetryFailedAsync(actor, id, ct), ct));
        // Supervisors only (checked again by CommentHoldLift): the case ended, so comments open again everywhere the hold applied.
        posts.MapPost("/{id:guid}/comment-hold/lift", (Guid id, LiftHoldRequest request, HttpContext http, PostActors actors, CommentHoldLift lifts, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => lifts.LiftAsync(actor, id, request.Reason, ct), ct)).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Supervisor });
        posts.MapPost("/{id:guid}/reviewed", (Guid id, HttpContext http, PostActors actors, AppealDesk appeals, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => appeals.ReviewedAsync(actor, id, ct), ct));

        posts.MapGet("/{id:guid}/responses", async (Guid id, HttpContext http, PostActors actors, PostResponses responses, CancellationToken ct) =>
            await actors.FromAsync(http.User, ct) is not { } actor ? Results.Forbid()
                : await responses.ForPostAsync(actor, id, ct) is { } summary ? Results.Ok(summary) : Results.NotFound());

        // The desk links a DM conversation to an appeal by hand.
        var desk = endpoints.MapGroup("/api/desk").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Desk }).DisableAntiforgery();
        desk.MapGet("/appeals/open", async (HttpContext http, PostResponses responses, CancellationToken ct) =>
            DeskUser.From(http.User) is { } user ? Results.Ok(await responses.OpenAppealsAsync(user.ForceId, ct)) : Results.Forbid());
        desk.MapPost("/conversations/{id:guid}/post-link", (Guid id, PostLinkRequest request, HttpContext http, PostResponses responses, CancellationToken ct) =>
            AsStaffAsync(http, "postId", user => responses.LinkAsync(user, id, request.PostId, ct), async user => Results.Ok(await responses.ForConversationAsync(user, id, ct))));

        var rights = endpoints.MapGroup("/api/admin/posting-rights").RequireAuthorization(new AuthorizeAttribute { Roles = PostingRightsRegister.Managers }).DisableAntiforgery();
        rights.MapGet("/", async (HttpContext http, PostingRightsRegister register, CancellationToken ct) =>
            DeskUser.From(http.User) is { } user ? Results.Ok(await register.ListAsync(user.ForceId, ct)) : Results.Forbid());
        rights.MapPost("/{userId}", (string userId, DirectPostingRequest request, HttpContext http, PostingRightsRegister register, CancellationToken ct) =>
            AsStaffAsync(http, "mayPostDirectly", user => register.SetDirectPostingAsync(user, userId, request.MayPostDirectly, ct), _ => Task.FromResult(Results.Ok())));

        var lockdown = endpoints.MapGroup("/api/lockdown").RequireAuthorization(new AuthorizeAttribute { Roles = LockdownRoles }).DisableAntiforgery();
        lockdown.MapGet("/", async (HttpContext http, PostActors actors, CriticalIncidentLockdown lockdowns, CancellationToken ct) =>
            await actors.FromAsync(http.User, ct) is { } actor
                ? Results.Ok(new { active = await lockdowns.ActiveAsync(actor.ForceId, ct), held = await lockdowns.HeldAsync(actor.ForceId, ct) })
                : Results.Forbid());
        lockdown.MapPost("/", (LockdownRequest request, HttpContext http, PostActors actors, CriticalIncidentLockdown lockdowns, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => lockdowns.StartAsync(actor, request.Reason, ct), ct));
        lockdown.MapPost("/release/{postId:guid}", (Guid postId, HttpContext http, PostActors actors, CriticalIncidentLockdown lockdowns, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => lockdowns.ReleaseAsync(actor, postId, ct), ct));
        lockdown.MapPost("/end", (EndLockdownRequest request, HttpContext http, PostActors actors, CriticalIncidentLockdown lockdowns, CancellationToken ct) =>
            AsActorAsync(http, actors, actor => lockdowns.EndAsync(actor, request.ReleaseAll, ct), ct));
        return endpoints;
    }

    private static async Task<IResult> WithDraftAsync(PostRequest request, HttpContext http, PostActors actors, Func<PostActor, PostDraft, Task<PublishingResult>> act, CancellationToken ct)
    {
        var (draft, problem) = request.ToDraft();
        if (draft is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = [problem!] }, title: "Not saved");
        return await AsActorAsync(http, actors, actor => act(actor, draft), ct);
    }

    /// <summary>Runs an action of the signed-in member of staff that answers null when done, else the error for <paramref name="field"/>.</summary>
    private static async Task<IResult> AsStaffAsync(HttpContext http, string field, Func<DeskUser, Task<string?>> act, Func<DeskUser, Task<IResult>> done)
    {
        if (DeskUser.From(http.User) is not { } user)
            return Results.Forbid();
        return await act(user) is { } error
            ? Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] }, title: "Not done")
            : await done(user);
    }

    private static async Task<IResult> AsActorAsync(HttpContext http, PostActors actors, Func<PostActor, Task<PublishingResult>> act, CancellationToken ct)
    {
        if (await actors.FromAsync(http.User, ct) is not { } actor)
            return Results.Forbid();
        var result = await act(actor);
        if (result.Missing)
            return Results.NotFound();
        if (result.Succeeded)
            return Results.Ok(new { id = result.PostId, notes = result.Notes ?? [] });
        return Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key.Length == 0 ? "post" : e.Key, e => new[] { e.Value }), title: "Not done");
    }

    /// <summary>Approving names the version read.</summary>
    public sealed record VersionRequest(int Version);

    public sealed record RejectRequest(int Version, string? Reason);

    /// <summary>No time means now.</summary>
    public sealed record ScheduleRequest(DateTimeOffset? At);

    public sealed record CaseStatusRequest(string? Status, bool Replace, string? ReplacementText);

    public sealed record LiftHoldRequest(string? Reason);

    public sealed record LockdownRequest(string? Reason);

    public sealed record DirectPostingRequest(bool MayPostDirectly);

    /// <summary>No post removes the link.</summary>
    public sealed record PostLinkRequest(Guid? PostId);

    public sealed record EndLockdownRequest(bool ReleaseAll);
}
