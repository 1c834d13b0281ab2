using System.Collections.Concurrent;
using System.Diagnostics;
using BlueLamp.Simulator.Faults;
using BlueLamp.Simulator.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Delivery;

/// <summary>
/// Sends webhooks to BlueLamp as the platforms do, through the fault switches: dropped, duplicated
/// concurrently, held and sent out of order, and retried when not acknowledged.
/// </summary>
public sealed class WebhookDelivery : IDisposable
{
    public const string HttpClientName = "BlueLamp.Simulator.Webhooks";

    private readonly IHttpClientFactory httpClients;
    private readonly FaultBoard faults;
    private readonly DeliveryLog log;
    private readonly SimulatorOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<WebhookDelivery> logger;
    private readonly CancellationToken stopping;
    private readonly ConcurrentDictionary<SimulatedPlatform, List<(WebhookRequest Request, long ReportId)>> held = new();

    public WebhookDelivery(
        IHttpClientFactory httpClients,
        FaultBoard faults,
        DeliveryLog log,
        IOptions<SimulatorOptions> options,
        TimeProvider clock,
        IHostApplicationLifetime lifetime,
        ILogger<WebhookDelivery> logger)
    {
        this.httpClients = httpClients;
        this.faults = faults;
        this.log = log;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        stopping = lifetime.ApplicationStopping;
        faults.Changed += OnFaultsChanged;
    }

    /// <summary>Delivers one webhook under the platform's current faults; waits for the first attempt of every copy.</summary>
    public async Task<DeliveryReport> DeliverAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var current = faults.For(request.Platform);
        var id = log.NextId();
        if (current.DropWebhooks)
        {
            logger.LogInformation("Dropped a {Platform} webhook by fault: {Description}", request.Platform, request.Description);
            return Record(id, request, DeliveryOutcome.Dropped, 0, []);
        }
        if (current.OutOfOrder)
        {
            List<(WebhookRequest, long)>? release = null;
            var queue = held.GetOrAdd(request.Platform, _ => []);
            lock (queue)
            {
                queue.Add((request, id));
                if (queue.Count >= current.OutOfOrderBatch)
                {
                    release = [.. queue];
                    queue.Clear();
                }
            }
            var report = Record(id, request, DeliveryOutcome.Held, 0, []);
            if (release is null)
            {
                return report;
            }
            await SendNewestFirstAsync(release, cancellationToken);
            return log.Find(id) ?? report;
        }
        return await SendAsync(id, request, Math.Max(1, current.DuplicateCopies), cancellationToken);
    }

    /// <summary>Sends every held webhook of a platform now, newest first.</summary>
    public async Task<int> ReleaseHeldAsync(SimulatedPlatform platform, CancellationToken cancellationToken)
    {
        if (!held.TryGetValue(platform, out var queue))
        {
            return 0;
        }
        List<(WebhookRequest, long)> release;
        lock (queue)
        {
            release = [.. queue];
            queue.Clear();
        }
        await SendNewestFirstAsync(release, cancellationToken);
        return release.Count;
    }

    public int HeldCount(SimulatedPlatform platform)
    {
        if (!held.TryGetValue(platform, out var queue))
        {
            return 0;
        }
        lock (queue)
        {
            return queue.Count;
        }
    }

    public void ForgetHeld() => held.Clear();

    public void Dispose() => faults.Changed -= OnFaultsChanged;

    private async Task SendNewestFirstAsync(List<(WebhookRequest Request, long ReportId)> release, CancellationToken cancellationToken)
    {
        for (var i = release.Count - 1; i >= 0; i--)
        {
            var (request, reportId) = release[i];
            await SendAsync(reportId, request, Math.Max(1, faults.For(request.Platform).DuplicateCopies), cancellationToken);
        }
    }

    private async Task<DeliveryReport> SendAsync(long id, WebhookRequest request, int copies, CancellationToken cancellationToken)
    {
        var attempts = new ConcurrentBag<DeliveryAttempt>();
        // Copies go out at the same moment, as two Meta data centres retrying the same event would.
        var firsts = await Task.WhenAll(Enumerable.Range(1, copies).Select(copy => PostAsync(request, copy, 1, cancellationToken)));
        foreach (var attempt in firsts)
        {
            attempts.Add(attempt);
        }
        var unacknowledged = firsts.Where(a => !IsSuccess(a)).Select(a => a.Copy).ToList();
        if (unacknowledged.Count == 0)
        {
            return Record(id, request, DeliveryOutcome.Delivered, copies, [.. attempts]);
        }
        var pending = Record(id, request, options.MaxDeliveryAttempts > 1 ? DeliveryOutcome.Retrying : DeliveryOutcome.Failed, copies, [.. attempts]);
        if (options.MaxDeliveryAttempts > 1)
        {
            _ = RetryAsync(id, request, copies, unacknowledged, attempts);
        }
        return pending;
    }

    private async Task RetryAsync(long id, WebhookRequest request, int copies, List<int> unacknowledged, ConcurrentBag<DeliveryAttempt> attempts)
    {
        try
        {
            for (var attempt = 2; attempt <= options.MaxDeliveryAttempts && unacknowledged.Count > 0; attempt++)
            {
                await Task.Delay(options.DeliveryRetryDelay, clock, stopping);
                var results = await Task.WhenAll(unacknowledged.Select(copy => PostAsync(request, copy, attempt, stopping)));
                foreach (var result in results)
                {
                    attempts.Add(result);
                }
                unacknowledged = [.. results.Where(r => !IsSuccess(r)).Select(r => r.Copy)];
            }
            Record(id, request, unacknowledged.Count == 0 ? DeliveryOutcome.Delivered : DeliveryOutcome.Failed, copies, [.. attempts]);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Record(id, request, DeliveryOutcome.Failed, copies, [.. attempts]);
        }
    }

    private async Task<DeliveryAttempt> PostAsync(WebhookRequest request, int copy, int attempt, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, request.Target)
            {
                Content = new ByteArrayContent(request.Body),
            };
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
            timeout.CancelAfter(options.DeliveryTimeout);
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(message, timeout.Token);
            return new DeliveryAttempt(copy, attempt, (int)response.StatusCode, null, started, watch.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("A {Platform} webhook could not reach {Target}: {Reason}", request.Platform, request.Target, ex.Message);
            return new DeliveryAttempt(copy, attempt, null, ex.Message, started, watch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return new DeliveryAttempt(copy, attempt, null, $"no answer within {options.DeliveryTimeout.TotalSeconds:0.#} s", started, watch.Elapsed);
        }
    }

    private static bool IsSuccess(DeliveryAttempt attempt) => attempt.StatusCode is >= 200 and < 300;

    private DeliveryReport Record(long id, WebhookRequest request, DeliveryOutcome outcome, int copies, IReadOnlyList<DeliveryAttempt> attempts)
    {
        var report = new DeliveryReport(
            id,
            request.Platform,
            request.Description,
            request.Target.ToString(),
            outcome,
            copies,
            [.. attempts.OrderBy(a => a.Attempt).ThenBy(a => a.Copy)],
            clock.GetUtcNow());
        log.Record(report);
        return report;
    }

    // Switching "out of order" off must not strand what was held.
    private void OnFaultsChanged(SimulatedPlatform platform)
    {
        if (!faults.For(platform).OutOfOrder && HeldCount(platform) > 0)
        {
            _ = ReleaseHeldAsync(platform, stopping);
        }
    }
}
