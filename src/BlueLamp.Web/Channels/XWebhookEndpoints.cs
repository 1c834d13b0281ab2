using BlueLamp.Channels.Common;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Channels;

/// <summary>
/// <c>GET /webhooks/x?crc_token=</c> answers X's challenge-response check; <c>POST /webhooks/x</c> takes Account
/// Activity events (direct messages, mentions and replies, deletions), signed with the consumer secret.
/// </summary>
public static class XWebhookEndpoints
{
    public const string Path = "/webhooks/x";

    public static IEndpointRouteBuilder MapXWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, CrcAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CrcAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "crc_token")] string? crcToken, ConnectedAccounts accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(crcToken))
            return Results.Problem("crc_token is missing.", statusCode: StatusCodes.Status400BadRequest);
        // X's CRC names no account: the deployment's X app (one consumer secret) answers it.
        var secret = (await accounts.AllAsync(cancellationToken))
            .Where(a => a.Platform == Platform.X)
            .Select(a => a.Credentials.ConsumerSecret)
            .FirstOrDefault(s => !string.IsNullOrEmpty(s));
        return secret is null
            ? Results.Problem("No X account is connected.", statusCode: StatusCodes.Status404NotFound)
            : Results.Json(new { response_token = XCrc.ResponseToken(crcToken, secret) });
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, ConnectedAccounts accounts, InboundEventStore store, ChannelCounters counters,
        IOptions<ChannelIntakeOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(XWebhookEndpoints));
        var body = await WebhookBody.ReadAsync(request, options.Value.MaxWebhookBytes, cancellationToken);
        if (body is null)
            return Refuse(logger, counters, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.Value.MaxWebhookBytes} bytes.");

        var connected = (await accounts.AllAsync(cancellationToken)).Where(a => a.Platform == Platform.X).ToList();
        var header = request.Headers[XSignature.HeaderName].ToString();
        var check = SignatureCheck.Missing;
        string? consumerSecret = null;
        foreach (var secret in connected.Select(a => a.Credentials.ConsumerSecret).OfType<string>().Where(s => s.Length > 0).Distinct())
        {
            check = XSignature.Check(body, header, secret);
            if (check == SignatureCheck.Valid)
            {
                consumerSecret = secret;
                break;
            }
        }
        if (consumerSecret is null)
            return Refuse(logger, counters, StatusCodes.Status401Unauthorized, $"{XSignature.HeaderName} is {MetaWebhookEndpoints.Describe(check)}.");

        var parsed = XAccountActivityParser.Parse(body);
        if (parsed.IsMalformed)
            return Refuse(logger, counters, StatusCodes.Status400BadRequest, parsed.Error!);

        foreach (var group in parsed.Events.GroupBy(e => e.AccountPlatformId))
        {
            var account = connected.FirstOrDefault(a => a.PlatformAccountId == group.Key && a.Credentials.ConsumerSecret == consumerSecret);
            if (account is null)
            {
                counters.UnknownAccount("x", group.Count());
                logger.LogWarning("X sent {Count} events for user {PlatformAccountId}, which is not connected; acknowledged so X stops retrying", group.Count(), group.Key);
                continue;
            }
            await store.StoreAsync(account, group, InboundEventStore.FromWebhook, cancellationToken);
        }
        return Results.Ok(new { received = parsed.Events.Count, skipped = parsed.Skipped.Count });
    }

    private static IResult Refuse(ILogger logger, ChannelCounters counters, int status, string reason)
    {
        logger.LogWarning("An X webhook was refused with {Status}: {Reason}", status, reason);
        counters.Refused("x", status);
        return Results.Problem(reason, statusCode: status, title: "Webhook refused");
    }
}
