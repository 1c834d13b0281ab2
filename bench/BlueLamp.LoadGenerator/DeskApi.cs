using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BlueLamp.LoadGenerator;

/// <summary>The desk's JSON API as an operator sees it: logs in through the login form, reads the queue and conversations.</summary>
public sealed partial class DeskApi(HttpClient http)
{
    public static async Task<DeskApi> LoginAsync(Uri baseUrl, string email, string password, CancellationToken cancellationToken)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var html = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), cancellationToken);
        var token = AntiforgeryInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the login page.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"Login as {email} failed ({(int)response.StatusCode}).");
        return new DeskApi(http);
    }

    public async Task<List<JsonElement>> QueueAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/desk/queue", UriKind.Relative), cancellationToken) ?? [];

    public async Task<JsonElement> ConversationAsync(Guid id, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/desk/conversations/{id}", UriKind.Relative), cancellationToken);

    /// <summary>Takes a conversation, as another member of staff would.</summary>
    public async Task ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri($"/api/desk/conversations/{id}/claim", UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
