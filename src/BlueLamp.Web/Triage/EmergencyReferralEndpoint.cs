using System.Text.Json;
using System.Text.Json.Serialization;
using BlueLamp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Triage;

/// <summary>
/// <c>POST /api/referrals/{force}</c>: a platform's or partner's system sends an emergency referral by machine, with one of
/// the force's referral API keys as <c>Authorization: Bearer</c>. A missing, wrong, revoked or other force's key gets 401
/// and nothing is stored; a body that is not a referral gets 400 with the reason; an accepted one 201. Too many referrals
/// from one key, or too many failed keys from one address, counted across every node (<see cref="ReferralRateLimits"/>),
/// get 429 with <c>Retry-After</c>, are logged, and nothing is stored.
/// </summary>
public static class EmergencyReferralEndpoint
{
    public const string Path = "/api/referrals/{force}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: true) },
    };

    public static IEndpointRouteBuilder MapEmergencyReferralEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string force, HttpContext http, BlueLampDbFactory dbs, ReferralApiKeys keys, EmergencyReferrals referrals,
        ReferralRateLimits limits, IOptions<TriageOptions> options, ILogger<EmergencyReferrals> logger, CancellationToken cancellationToken)
    {
        // Counted before anything is read or stored, so a runaway sender costs one statement a request.
        var presented = ReferralRateLimits.PresentedKey(http.Request);
        if (presented is not null && await limits.CountReferralAsync(presented, cancellationToken) is { } busy)
        {
            logger.LogWarning("Emergency referral for force {Force} refused with 429: its API key sent more than {Limit} referrals this minute", force,
                options.Value.ReferralsPerKeyPerMinute);
            await ReferralRateLimits.WriteRefusalAsync(http, busy, "This API key has sent more referrals this minute than BlueLamp takes from one key.", cancellationToken);
            return Results.Empty;
        }

        Guid? forceId;
        await using (var lookup = dbs.Unscoped())
            forceId = await lookup.Forces.AsNoTracking().Where(f => f.Slug == force).Select(f => (Guid?)f.Id).SingleOrDefaultAsync(cancellationToken);
        var holder = forceId is { } id ? await keys.AuthenticateAsync(id, presented, cancellationToken) : null;
        if (holder is null)
        {
            if (await limits.CountFailureAsync(http, cancellationToken) is { } wait)
            {
                logger.LogWarning("Emergency referral refused with 429: too many failed referral keys from one address for force {Force}", force);
                await ReferralRateLimits.WriteRefusalAsync(http, wait, "Too many requests with a missing or wrong API key came from this address.", cancellationToken);
                return Results.Empty;
            }
            // The same answer whatever was wrong, so a caller learns nothing about keys or forces.
            logger.LogWarning("Emergency referral refused: no valid referral key for force {Force}", force);
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"BlueLamp emergency referrals\"";
            return Results.Unauthorized();
        }

        EmergencyReferral? referral;
        try
        {
            referral = await http.Request.ReadFromJsonAsync<EmergencyReferral>(Json, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = [$"Send a JSON referral (Content-Type: application/json): {{\"platform\":\"facebook\",\"platformUserId\":\"…\",\"displayName\":\"…\",\"details\":\"…\"}}. {e.Message}"],
            }, title: "Referral not recorded");
        }
        if (referral is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is empty."] }, title: "Referral not recorded");

        var result = await referrals.ReceiveFromPartnerAsync(holder, referral, cancellationToken);
        return result.Succeeded
            ? Results.Created($"/api/desk/conversations/{result.CreatedId}", new { conversationId = result.CreatedId })
            : Results.ValidationProblem(TriageRegistration.Fields(result), title: "Referral not recorded");
    }
}
