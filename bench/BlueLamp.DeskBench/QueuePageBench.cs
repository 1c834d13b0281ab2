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
            await PostAsync(simulator, "messages", new { platform = "facebook", personId = people[i], text = $"Someone is trying car doors on Elm Road ({run} {i})" }, token);
        });
        var desk = await DeskApi.LoginAsync(url, users["Operator"].Email, users["Operator"].Password, ct);
        var supervisor = await DeskApi.LoginAsync(url, users["Supervisor"].Email, users["Supervisor"].Password, ct);
        List<JsonElement> queue;
        while ((queue = await desk.QueueAsync(ct)).Count(i => i.GetProperty("preview").GetString()!.Contains(run, StringComparison.Ordinal)) < count)
            await Task.Delay(500, ct);
        var open = queue.Count;
        var conversationOf = queue.Where(i => i.GetProperty("personName").GetString()!.StartsWith($"Bench {run} ", StringComparison.Ordinal))
            .ToDictionary(i => i.GetProperty("personName").GetString()!, i => i.GetProperty("conversationId").GetGuid());
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
        var rows = await page.GetByTestId("queue-item").CountAsync();
        var nodes = await page.EvaluateAsync<int>("document.getElementsByTagName('*').length");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first full render of {open} open conversations (navigation to the whole queue drawn, 5 loads): p50 {Percentiles.Of(renders, 50):0} ms, max {renders[^1]:0} ms; {rows} rows in the DOM, {nodes} elements"));

        // 3. Live updates: a new message from the public, then a claim by the supervisor, each until it shows.
        var messages = new List<double>();
        var claims = new List<double>();
        for (var i = 0; i < updates; i++)
        {
            var person = (i * 7) % count;
            var marker = $"update {run} {i}";
            var started = Stopwatch.GetTimestamp();
            await PostAsync(simulator, "messages", new { platform = "facebook", personId = people[person], text = $"Now they are in the car park ({marker})" }, ct);
            await page.GetByTestId("queue-preview").Filter(new() { HasText = marker }).WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            messages.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            var claimed = Name(run, (i * 11 + 3) % count);
            started = Stopwatch.GetTimestamp();
            await supervisor.ClaimAsync(conversationOf[claimed], ct);
            await page.Locator("tr", new() { HasText = claimed })
                .GetByTestId("queue-holder").Filter(new() { HasText = "Demo Supervisor" }).First
                .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            claims.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        messages.Sort();
        claims.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"new message to visible ({updates}, via the simulator's signed webhook): p50 {Percentiles.Of(messages, 50):0} ms, p99 {Percentiles.Of(messages, 99):0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"claim by another user to visible ({updates}, by the JSON API): p50 {Percentiles.Of(claims, 50):0} ms, p99 {Percentiles.Of(claims, 99):0} ms"));
        return 0;
    }

    // Zero-padded, so that "Bench x 1" is never found inside "Bench x 12".
    private static string Name(string run, int i) => $"Bench {run} {i.ToString("D4", CultureInfo.InvariantCulture)}";

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/simulator/api/" + path, body, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
