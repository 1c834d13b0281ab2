using BlueLamp.Channels.Common;
using BlueLamp.Channels.Meta;
using BlueLamp.Core.Accounts;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// <c>GET /webhooks/meta</c> answers Meta's subscription handshake; <c>POST /webhooks/meta</c> takes Facebook Page
/// and Instagram events: signature over the raw bytes (401 when missing or wrong), 413 over the size limit, 400 with
/// the parser's reason for a body Meta would not send, and 200 only once every event is stored.
/// </summary>
public static class MetaWebhookEndpoints
{
    public const string Path = "/webhooks/meta";

    public static IEndpointRouteBuilder MapMetaWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, HandshakeAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandshakeAsync(HttpRequest request, ConnectedAccounts accounts, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        var expected = (await accounts.AllAsync(cancellationToken))
            .Where(a => a.Platform is Platform.Facebook or Platform.Instagram && !string.IsNullOrEmpty(a.Credentials.VerifyToken))
            .Select(a => a.Credentials.VerifyToken!)
            .Distinct();
        string? reason = "No Facebook or Instagram account is connected.";
        foreach (var verifyToken in expected)
        {
            var decision = MetaVerificationHandshake.Decide(mode, token, challenge, verifyToken);
            if (decision.Accepted)
                return Results.Text(decision.Challenge, "text/plain");
            reason = decision.Reason;
        }
        loggers.CreateLogger(typeof(MetaWebhookEndpoints)).LogWarning("Meta's webhook handshake was refused: {Reason}", reason);
        return Results.Problem(reason, statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, ConnectedAccounts accounts, InboundEventStore store, ChannelCounters counters,
        IOptions<ChannelIntakeOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(MetaWebhookEndpoints));
        var body = await WebhookBody.ReadAsync(request, options.Value.MaxWebhookBytes, cancellationToken);
        if (body is null)
            return Refuse(logger, counters, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.Value.MaxWebhookBytes} bytes.");

        var connected = (await accounts.AllAsync(cancellationToken)).Where(a => a.Platform is Platform.Facebook or Platform.Instagram).ToList();
        var header = request.Headers[MetaSignature.HeaderName].ToString();
        var check = SignatureCheck.Missing;
        string? appSecret = null;
        foreach (var secret in connected.Select(a => a.Credentials.AppSecret).OfType<string>().Where(s => s.Length > 0).Distinct())
        {
            check = MetaSignature.Check(body, header, secret);
            if (check == SignatureCheck.Valid)
            {
                appSecret = secret;
                break;
            }
        }
        if (appSecret is null)
            return Refuse(logger, counters, StatusCodes.Status401Unauthorized, $"{MetaSignature.HeaderName} is {Describe(check)}.");

        var parsed = MetaWebhookParser.Parse(body);
        if (parsed.IsMalformed)
            return Refuse(logger, counters, StatusCodes.Status400BadRequest, parsed.Error!);

        foreach (var group in parsed.Events.GroupBy(e => (e.Platform, e.AccountPlatformId)))
        {
            // Only the app whose secret signed the body may speak for an account.
            var account = connected.FirstOrDefault(a => a.Platform == group.Key.Platform && a.PlatformAccountId == group.Key.AccountPlatformId && a.Credentials.AppSecret == appSecret);
            if (account is null)
            {
                counters.UnknownAccount("meta", group.Count());
                logger.LogWarning("Meta sent {Count} events for {Platform} account {PlatformAccountId}, which is not connected; acknowledged so Meta stops retrying",
                    group.Count(), group.Key.Platform, group.Key.AccountPlatformId);
                continue;
            }
            await store.StoreAsync(account, group, InboundEventStore.FromWebhook, cancellationToken);
        }
        return Results.Ok(new { received = parsed.Events.Count, skipped = parsed.Skipped.Count });
    }

    internal static string Describe(SignatureCheck check) => check switch
    {
        SignatureCheck.Missing => "missing",
        SignatureCheck.Malformed => "not a sha256 signature",
        _ => "not the signature of this body",
    };

    private static IResult Refuse(ILogger logger, ChannelCounters counters, int status, string reason)
    {
        logger.LogWarning("A Meta webhook was refused with {Status}: {Reason}", status, reason);
        counters.Refused("meta", status);
        return Results.Problem(reason, statusCode: status, title: "Webhook refused");
    }
}
