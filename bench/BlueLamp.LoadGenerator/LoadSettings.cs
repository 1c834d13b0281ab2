using System.Globalization;

namespace BlueLamp.LoadGenerator;

/// <summary>What to send, how fast and for how long; read from <c>--name value</c> arguments.</summary>
public sealed record LoadSettings(
    Uri BaseUrl,
    int Rate,
    TimeSpan Duration,
    int People,
    int MaxInFlight,
    string AppSecret,
    string PageId,
    string Email,
    string Password,
    TimeSpan DrainTimeout,
    int? AppPid,
    TimeSpan WarmUp,
    int? WarmUpRate)
{
    public static LoadSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        return new LoadSettings(
            new Uri(Get("url", "http://localhost:5080")),
            int.Parse(Get("rate", "2000"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("seconds", "30"), CultureInfo.InvariantCulture)),
            int.Parse(Get("people", "500"), CultureInfo.InvariantCulture),
            int.Parse(Get("in-flight", "512"), CultureInfo.InvariantCulture),
            Get("app-secret", "sim-meta-app-secret"),
            Get("page", "104000000000001"),
            Get("email", "operator@demo.bluelamp.test"),
            values.TryGetValue("password", out var password) ? password : throw new ArgumentException("--password (the demo operator's, from data/demo-users.txt) is required."),
            TimeSpan.FromSeconds(double.Parse(Get("drain-seconds", "60"), CultureInfo.InvariantCulture)),
            values.TryGetValue("app-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            TimeSpan.FromSeconds(double.Parse(Get("warmup-seconds", "0"), CultureInfo.InvariantCulture)),
            values.TryGetValue("warmup-rate", out var warmUpRate) ? int.Parse(warmUpRate, CultureInfo.InvariantCulture) : null);
    }
}
