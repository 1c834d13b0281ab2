using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BlueLamp.LoadGenerator;
using Microsoft.Playwright;

namespace BlueLamp.DeskBench;

/// <summary>
/// The desk queue page with many open conversations, in headless Chromium against a running BlueLamp in demo mode:
/// how long until the page has drawn the whole queue, and how long a new message from the public, or a claim by
/// another member of staff, takes to show on it.
/// </summary>
public static class QueuePageBench
{
    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var url = new Uri(arguments.Get("url") ?? "http://127.0.0.1:5183");
        var data = arguments.Get("data") ?? throw new InvalidOperationException("Give --data <the app's BLUELAMP_DATA folder> (for demo-users.txt).");
        var count = arguments.Int("conversations", 500);
        var updates = arguments.Int("updates", 50);
        var app = arguments.Get("pid") is { } pid ? new AppProcess(int.Parse(pid, CultureInfo.InvariantCulture)) : null;
        Console.WriteLine($"load average at start: {LoadAverage()}");
        var users = File.ReadAllLines(Path.Combine(data, "demo-users.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => (Email: p[1], Password: p[2]));
        var ct = CancellationToken.None;
        var run = Guid.NewGuid().ToString("N")[..6];
        using var simulator = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };

        // 1. The queue: one Facebook message from each of `count` people.
        var clock = Stopwatch.StartNew();
        var people = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            people[i] = (await PostAsync(simulator, "people", new { platform = "facebook", name = Name(run, i) }, token)).GetProperty("id").GetString()!;
            await PostAsync(simulator, "messages", new { platform = "facebook", personId = people[i], text = $"{Soup(i)} ({Marker(run, 's', i)})" }, token);
        });
        var desk = await DeskApi.LoginAsync(url, users["Operator"].Email, users["Operator"].Password, ct);
        var supervisor = await DeskApi.LoginAsync(url, users["Supervisor"].Email, users["Supervisor"].Password, ct);
        List<JsonElement> queue;
        while ((queue = await desk.QueueAsync(ct)).Count(i => i.GetProperty("preview").GetString()!.Contains(Marker(run, 's', 0)[..^5], StringComparison.Ordinal)) < count)
            await Task.Delay(500, ct);
        var open = queue.Count;
        // Each person's conversation, by the seeding marker in its preview ("(run i)").
        var personOf = queue.Select(i => (Id: i.GetProperty("conversationId").GetGuid(), Preview: i.GetProperty("preview").GetString()!))
            .Where(i => i.Preview.Contains($"({Marker(run, 's', 0)[..^5]}", StringComparison.Ordinal))
            .ToDictionary(i => i.Id, i => people[MarkedNumber(i.Preview)]);
        Console.WriteLine($"{count} conversations seeded in {clock.Elapsed.TotalSeconds:0.0} s; {open} open on the desk");

        // 2. The page, logged in as the operator.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArguments });
        await using var context = await browser.NewContextAsync(new() { BaseURL = url.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(users["Operator"].Email);
        await page.GetByLabel("Password").FillAsync(users["Operator"].Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));

        var renders = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await page.GotoAsync("/desk");
            await page.GetByTestId("queue-count").Filter(new() { HasText = $"{open} open" }).WaitForAsync(new() { Timeout = 60_000 });
            await page.GetByTestId("queue-item").First.WaitForAsync();
            if (i > 0)
                renders.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        renders.Sort();
        if (arguments.Get("screenshot") is { } screenshot)
            await page.ScreenshotAsync(new() { Path = screenshot });
        await Task.Delay(2000);
        var rows = await page.GetByTestId("queue-item").CountAsync();
        var nodes = await page.EvaluateAsync<int>("document.getElementsByTagName('*').length");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first render of {open} open conversations (navigation until the count and the first line show, 5 loads): p50 {Percentiles.Of(renders, 50):0} ms, max {renders[^1]:0} ms; {rows} lines in the DOM, {nodes} elements (2 s after)"));

        // 3. Live updates: a new message from the public, then a claim by the supervisor, each until it shows. The
        // conversations chosen are among the lines drawn in the page (a virtualized queue draws only those near the
        // visible part), so the same measure works whether or not the page draws every line.
        var messages = new List<double>();
        var claims = new List<double>();
        var messageCpu = TimeSpan.Zero;
        var claimCpu = TimeSpan.Zero;
        var unclaimed = page.Locator("tr").Filter(new() { Has = page.GetByTestId("queue-claim") });
        if (app is not null)
        {
            // What the app spends with nothing happening (background jobs, the open page's clock), to set the
            // per-update figures against.
            var idleFrom = app.CpuTime();
            await Task.Delay(5000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app CPU while idle with the page open: {(app.CpuTime() - idleFrom).TotalMilliseconds / 5:0} ms per second"));
        }
        for (var i = 0; i < updates; i++)
        {
            // Lines drawn now (the claims below scroll the list on as they take the lines in view).
            var drawn = (await page.GetByTestId("queue-item").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                .Select(href => Guid.Parse(href![(href.LastIndexOf('/') + 1)..])).Where(personOf.ContainsKey).Take(10).ToList();
            var marker = Marker(run, 'u', i);
            var cpu = app?.CpuTime();
            var started = Stopwatch.GetTimestamp();
            await PostAsync(simulator, "messages", new { platform = "facebook", personId = personOf[drawn[i % drawn.Count]], text = $"{Soup(count + i)} ({marker})" }, ct);
            await page.GetByTestId("queue-preview").Filter(new() { HasText = marker }).WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            messages.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            messageCpu += app?.CpuTime() - cpu ?? TimeSpan.Zero;

            while (await unclaimed.CountAsync() == 0)
            {
                // Every drawn line is taken: scroll on so the page draws more.
                await page.EvaluateAsync("() => { document.querySelector('[data-testid=queue] .mud-table-container')?.scrollBy(0, 600); window.scrollBy(0, 600); }");
                await Task.Delay(500);
            }
            // Bring the line into view and let the list settle before the clock starts, so it stays drawn.
            await unclaimed.First.ScrollIntoViewIfNeededAsync();
            await Task.Delay(300);
            var link = (await unclaimed.First.GetByTestId("queue-item").GetAttributeAsync("href"))!;
            var claimed = Guid.Parse(link[(link.LastIndexOf('/') + 1)..]);
            cpu = app?.CpuTime();
            started = Stopwatch.GetTimestamp();
            await supervisor.ClaimAsync(claimed, ct);
            try
            {
                await page.Locator("tr", new() { Has = page.Locator($"a[href$='{claimed}']") })
                    .GetByTestId("queue-holder").Filter(new() { HasText = "Demo Supervisor" }).First
                    .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            }
            catch (TimeoutException)
            {
                var line = page.Locator("tr", new() { Has = page.Locator($"a[href$='{claimed}']") });
                var html = await line.CountAsync() > 0 ? await line.First.InnerTextAsync() : "(not in the page)";
                var item = (await desk.QueueAsync(ct)).FirstOrDefault(q => q.GetProperty("conversationId").GetGuid() == claimed);
                Console.WriteLine($"claim {i} of {claimed} not seen: page line {html.ReplaceLineEndings(" | ")}; API {item}");
                await page.ScreenshotAsync(new() { Path = $"/tmp/desk-claim-{i}.png" });
                throw;
            }
            claims.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            claimCpu += app?.CpuTime() - cpu ?? TimeSpan.Zero;
        }
        messages.Sort();
        claims.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"new message to visible ({updates}, via the simulator's signed webhook): p50 {Percentiles.Of(messages, 50):0} ms, p99 {Percentiles.Of(messages, 99):0} ms{CpuPer(app, messageCpu, updates)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"claim by another user to visible ({updates}, by the JSON API): p50 {Percentiles.Of(claims, 50):0} ms, p99 {Percentiles.Of(claims, 99):0} ms{CpuPer(app, claimCpu, updates)}"));
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    // Zero-padded, so that "Bench x 1" is never found inside "Bench x 12".
    private static string Name(string run, int i) => $"Bench {run} {i.ToString("D4", CultureInfo.InvariantCulture)}";

    // "(ab-cd-ef-s-01-23)": the run and the line's number in pieces shorter than three characters, which the desk's
    // surge grouping ignores, so the markers do not make the bench's messages look alike.
    private static string Marker(string run, char kind, int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{run[..2]}-{run[2..4]}-{run[4..6]}-{kind}-{i / 100:D2}-{i % 100:D2}");

    private static int MarkedNumber(string preview)
    {
        var parts = preview[(preview.LastIndexOf('(') + 1)..^1].Split('-');
        return int.Parse(parts[4], CultureInfo.InvariantCulture) * 100 + int.Parse(parts[5], CultureInfo.InvariantCulture);
    }

    private static readonly string[] Vocabulary =
    [
        "bike", "stolen", "shed", "garden", "window", "smashed", "van", "parked", "driveway", "speeding", "lorry", "school", "gate", "noise",
        "music", "party", "neighbour", "dog", "barking", "fireworks", "field", "youths", "bus", "shelter", "graffiti", "wall", "shop", "till",
        "scam", "email", "bank", "caller", "pension", "moped", "pavement", "helmet", "phone", "snatched", "station", "platform", "ticket",
        "fence", "broken", "allotment", "tools", "ladder", "trailer", "caravan", "horse", "loose", "lane", "bridge", "river", "towpath",
        "canal", "boat", "engine", "quad", "motorbike", "footpath", "wallet", "handbag", "purse", "keys", "drone", "camera", "doorbell",
        "parcel", "delivery", "porch", "catalytic", "converter", "exhaust", "mirror", "tyre", "slashed", "paint", "scratched", "bonnet",
    ];

    private static readonly string[] Syllables =
        ["bryn", "teg", "llan", "dew", "gwyn", "fach", "maes", "coed", "pen", "rhos", "tre", "ddu", "aber", "nant", "glyn", "cwm", "hen", "wern", "pant", "heol"];

    // Three words from the vocabulary and three place names of three syllables, drawn by the line's number: different
    // enough per person that the desk's surge grouping (four shared words of six) does not fold the bench's
    // conversations together, and the same on every run.
    private static string Soup(int seed)
    {
        var random = new Random(seed);
        string Place() => string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return $"{Vocabulary[random.Next(Vocabulary.Length)]} {Vocabulary[random.Next(Vocabulary.Length)]} by {Place()} and {Place()}, " +
            $"{Vocabulary[random.Next(Vocabulary.Length)]} near {Place()}";
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    private static string CpuPer(AppProcess? app, TimeSpan total, int count) =>
        app is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; app CPU {total.TotalMilliseconds / count:0.0} ms per update");

    /// <summary>The app under test, for the CPU time it spends (user + system, from /proc), which other work on a shared machine barely distorts.</summary>
    private sealed class AppProcess(int pid)
    {
        public TimeSpan CpuTime()
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime (fields 14 and 15 of the whole line) in clock ticks of 1/100 s.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/simulator/api/" + path, body, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
