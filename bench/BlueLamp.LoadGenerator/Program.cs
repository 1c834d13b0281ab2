using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BlueLamp.Channels.Meta;
using BlueLamp.LoadGenerator;

// Sends signed Messenger webhooks to a running BlueLamp at a fixed rate for a fixed time, then reports acknowledged
// events per second, ack latency, time from send to visible in the desk queue API, and whether every event is on
// the desk exactly once.
//   dotnet run -c Release --project bench/BlueLamp.LoadGenerator -- --url http://localhost:5080 --rate 2000 --seconds 30 --password <operator's>
var settings = LoadSettings.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var ct = stop.Token;

var desk = await DeskApi.LoginAsync(settings.BaseUrl, settings.Email, settings.Password, ct);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.MaxInFlight, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = settings.BaseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};

// The warm-up runs in this process too, so the generator's own JIT compilation and connections are warm before the
// measured run: started as a second process, its start-up took the two cores' CPU from the app in the run's first
// seconds, and the app's per-second p99 (dotnet-counters) was 100–190 ms there against 15–40 ms after.
if (settings.WarmUp > TimeSpan.Zero)
    await MeasureAsync(settings.WarmUpRate ?? settings.Rate, settings.WarmUp, measured: false);
return await MeasureAsync(settings.Rate, settings.Duration, measured: true);

// Sends at the rate for the duration, waits for the desk to catch up, checks every event is there once; reports.
async Task<int> MeasureAsync(int rate, TimeSpan duration, bool measured)
{
    var run = Guid.NewGuid().ToString("N")[..6];

    var total = (int)(rate * duration.TotalSeconds);
    var sentAt = new long[total];
    var ackMs = new double[total];
    var status = new int[total];
    var seenMs = new ConcurrentDictionary<int, double>();
    var clock = Stopwatch.StartNew();
    var epoch = DateTimeOffset.UtcNow;
    using var inFlight = new SemaphoreSlim(settings.MaxInFlight);
    var behind = 0;

    Console.WriteLine($"{(measured ? "Run" : "Warm-up")} {run}: {total} events at {rate}/s for {duration.TotalSeconds:0} s to {settings.BaseUrl} across {settings.People} people");

    // Watches the desk queue: the newest message of each conversation shows there as its preview.
    using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var watcher = Task.Run(async () =>
    {
        var preview = new Regex($"lg{run} #(\\d+)", RegexOptions.CultureInvariant);
        while (!watching.Token.IsCancellationRequested)
        {
            try
            {
                foreach (var item in await desk.QueueAsync(watching.Token))
                {
                    if (preview.Match(item.GetProperty("preview").GetString() ?? "") is { Success: true } m)
                    {
                        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                        seenMs.TryAdd(n, clock.Elapsed.TotalMilliseconds);
                    }
                }
                await Task.Delay(100, watching.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    });

    // The app's CPU time (when it runs on this machine and --app-pid names it): from the first send until the desk has
    // caught up, so the end check below, which opens every conversation, is not counted.
    var cpuBefore = AppCpu.Read(settings.AppPid);
    var sends = new List<Task>(total);
    for (var n = 0; n < total && !ct.IsCancellationRequested; n++)
    {
        // Open loop: event n is due at n / rate seconds, whatever the server's answers do.
        var due = TimeSpan.FromSeconds((double)n / rate);
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1))
            await Task.Delay(wait, ct);
        if (!inFlight.Wait(0))
        {
            Interlocked.Increment(ref behind);
            await inFlight.WaitAsync(ct);
        }
        var index = n;
        sends.Add(Task.Run(async () =>
        {
            try
            {
                var person = index % settings.People;
                var at = epoch.AddMilliseconds(index).ToUnixTimeMilliseconds();
                var body = Encoding.UTF8.GetBytes(
                    $$$"""{"object":"page","entry":[{"id":"{{{settings.PageId}}}","time":{{{at}}},"messaging":[{"sender":{"id":"lg{{{run}}}-{{{person}}}"},"recipient":{"id":"{{{settings.PageId}}}"},"timestamp":{{{at}}},"message":{"mid":"m_lg{{{run}}}_{{{index}}}","text":"Load test lg{{{run}}} #{{{index}}}"}}]}]}""");
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/meta", UriKind.Relative)) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(MetaSignature.HeaderName, MetaSignature.Compute(body, settings.AppSecret));
                var start = clock.Elapsed.TotalMilliseconds;
                sentAt[index] = (long)start;
                using var response = await http.SendAsync(request, ct);
                ackMs[index] = clock.Elapsed.TotalMilliseconds - start;
                status[index] = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status[index] = -1;
            }
            finally
            {
                inFlight.Release();
            }
        }, ct));
    }
    await Task.WhenAll(sends);
    var sendSeconds = clock.Elapsed.TotalSeconds;
    var acked = status.Count(s => s is >= 200 and < 300);

    // Let the desk catch up, then check every event is there exactly once, conversation by conversation.
    var drainUntil = clock.Elapsed + settings.DrainTimeout;
    var lastOfPerson = Enumerable.Range(0, settings.People).Select(p => Enumerable.Range(0, total).Where(i => i % settings.People == p).DefaultIfEmpty(-1).Max()).Where(i => i >= 0).ToHashSet();
    while (clock.Elapsed < drainUntil && !lastOfPerson.All(seenMs.ContainsKey))
        await Task.Delay(200, ct);
    var cpuAfter = AppCpu.Read(settings.AppPid);
    await watching.CancelAsync();
    await watcher;

    // The intake may still be working through a backlog: count again until every acknowledged event is there or the count stops moving.
    var stored = new Dictionary<int, int>();
    for (var previous = -1; ; previous = stored.Values.Sum())
    {
        stored = await CountOnDeskAsync(desk, run, ct);
        if (stored.Count >= acked || stored.Values.Sum() == previous || clock.Elapsed > drainUntil + settings.DrainTimeout)
            break;
        await Task.Delay(2000, ct);
    }
    var lost = Enumerable.Range(0, total).Count(i => status[i] is >= 200 and < 300 && !stored.ContainsKey(i));
    var duplicated = stored.Count(kv => kv.Value > 1);

    var acks = ackMs.Where((_, i) => status[i] is >= 200 and < 300).Order().ToList();
    var visible = seenMs.Select(kv => kv.Value - sentAt[kv.Key]).Order().ToList();
    Console.WriteLine($"sent                 {total} in {sendSeconds:0.0} s ({total / sendSeconds:0} /s offered); sender fell behind {behind} times");
    Console.WriteLine($"acknowledged (2xx)   {acked} = {acked / sendSeconds:0} events/s; failed {status.Count(s => s == -1)}, other {status.Count(s => s > 0 && s is < 200 or >= 300)}");
    Console.WriteLine($"ack latency          p50 {Percentiles.Of(acks, 50):0.0} ms, p99 {Percentiles.Of(acks, 99):0.0} ms, max {acks.LastOrDefault():0.0} ms");
    Console.WriteLine($"send to desk queue   p50 {Percentiles.Of(visible, 50):0} ms, p99 {Percentiles.Of(visible, 99):0} ms (sampled {visible.Count} newest-per-conversation previews)");
    Console.WriteLine($"on the desk          {stored.Count} of {acked} acknowledged; lost {lost}, duplicated {duplicated}");
    if (cpuBefore is { } cpu0 && cpuAfter is { } cpu1)
        Console.WriteLine($"app CPU              {(cpu1 - cpu0).TotalMilliseconds:0} ms while sending and catching up = {(cpu1 - cpu0).TotalMilliseconds / Math.Max(1, acked):0.000} ms per event");
    return lost == 0 && duplicated == 0 ? 0 : 1;
}

static async Task<Dictionary<int, int>> CountOnDeskAsync(DeskApi desk, string run, CancellationToken ct)
{
    var stored = new Dictionary<int, int>();
    foreach (var item in (await desk.QueueAsync(ct)).Where(i => (i.GetProperty("preview").GetString() ?? "").Contains($"lg{run} #", StringComparison.Ordinal)))
    {
        var view = await desk.ConversationAsync(item.GetProperty("conversationId").GetGuid(), ct);
        foreach (var message in view.GetProperty("messages").EnumerateArray())
        {
            if (Regex.Match(message.GetProperty("text").GetString() ?? "", $"lg{run} #(\\d+)") is { Success: true } m)
            {
                var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                stored[n] = stored.GetValueOrDefault(n) + 1;
            }
        }
    }
    return stored;
}
