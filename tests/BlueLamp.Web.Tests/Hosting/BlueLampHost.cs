using System.Net;
using System.Text.RegularExpressions;
using BlueLamp.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Web.Tests.Hosting;

/// <summary>
/// BlueLamp itself on real Kestrel over loopback, on its own SQLite file in a temporary data folder
/// (or any other settings a test gives it), with the demo force created as on a first start.
/// </summary>
public sealed partial class BlueLampHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsFolder;

    private readonly TimeProvider? _time;

    public BlueLampHost(IReadOnlyDictionary<string, string?>? settings = null, string? dataFolder = null, TimeProvider? time = null)
    {
        _time = time;
        _ownsFolder = dataFolder is null;
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("bluelamp-web-").FullName;
        _settings = new Dictionary<string, string?>
        {
            [DatabaseSettings.DataFolderKey] = DataFolder,
            ["Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        UseKestrel(0);
    }

    public string DataFolder { get; }

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.UseEnvironment("Development");
        if (_time is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>The demo users' passwords, as written to demo-users.txt on the first start.</summary>
    public IReadOnlyDictionary<string, (string Email, string Password)> DemoUsers()
    {
        StartServer();
        return File.ReadAllLines(Path.Combine(DataFolder, "demo-users.txt"))
            .Where(l => !l.StartsWith('#') && l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => (p[1], p[2]));
    }

    /// <summary>Logs in through the real login form and returns the client that holds the login cookie.</summary>
    public async Task<HttpClient> LoginAsync(string role)
    {
        var (email, password) = DemoUsers()[role];
        var client = NewClient();
        var response = await LoginWithAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"Login as {role} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>Posts the login form (with its antiforgery token) and returns the raw answer.</summary>
    public static async Task<HttpResponseMessage> LoginWithAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return AntiforgeryInput().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp clean-up.
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
