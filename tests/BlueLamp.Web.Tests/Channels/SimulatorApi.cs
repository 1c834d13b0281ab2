using System.Net.Http.Json;
using System.Text.Json;

namespace BlueLamp.Web.Tests.Channels;

/// <summary>The simulator's control API (/simulator/api), hosted inside BlueLamp in demo mode: play the public, read what BlueLamp sent, switch faults.</summary>
public sealed class SimulatorApi(HttpClient http) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<string> PersonAsync(string platform, string name)
    {
        var person = await PostAsync("people", new { platform, name });
        return person.GetProperty("id").GetString()!;
    }

    public Task<JsonElement> MessageAsync(string platform, string personId, string text, DateTimeOffset? at = null) =>
        PostAsync("messages", new { platform, personId, text, at });

    public Task<JsonElement> CommentAsync(string platform, string personId, string text, string? parentId = null, DateTimeOffset? at = null) =>
        PostAsync("comments", new { platform, personId, text, parentId, at });

    public Task<JsonElement> MentionAsync(string platform, string personId, string text, string? inReplyTo = null) =>
        PostAsync("mentions", new { platform, personId, text, inReplyTo });

    public Task<JsonElement> EditCommentAsync(string commentId, string text) => PostAsync($"comments/{commentId}/edit", new { text });

    public async Task RemoveCommentAsync(string commentId) =>
        (await http.DeleteAsync($"/simulator/api/comments/{commentId}", Ct)).EnsureSuccessStatusCode();

    /// <summary>What BlueLamp sent the person through the platform's API.</summary>
    public async Task<List<JsonElement>> SentToAsync(string platform, string personId) =>
        (await http.GetFromJsonAsync<List<JsonElement>>($"/simulator/api/people/{platform}/{Uri.EscapeDataString(personId)}/sent", Ct))!;

    /// <summary>A Bluesky person's chat setting: "all" or "none".</summary>
    public Task SetChatAsync(string personId, string allowIncoming) => PostAsync($"people/bluesky/{Uri.EscapeDataString(personId)}/chat", new { allowIncoming });

    /// <summary>A comment, reply or mention as the platform holds it (with whether the account hid it).</summary>
    public async Task<JsonElement> EntryAsync(string id) =>
        await http.GetFromJsonAsync<JsonElement>($"/simulator/api/comments/{Uri.EscapeDataString(id)}", Ct);

    /// <summary>The account's own posts on a platform, oldest first.</summary>
    public async Task<List<JsonElement>> PostsAsync(string platform) =>
        (await http.GetFromJsonAsync<List<JsonElement>>($"/simulator/api/posts?platform={platform}", Ct))!;

    /// <summary>The account's profile text as BlueLamp last set it on the platform.</summary>
    public async Task<string?> ProfileTextAsync(string platform) =>
        (await http.GetFromJsonAsync<JsonElement>($"/simulator/api/profiles/{platform}", Ct)).GetProperty("text").GetString();

    public Task SetFaultsAsync(string platform, object faults) => PostAsync($"faults/{platform}", faults);

    public async Task ClearFaultsAsync() => (await http.DeleteAsync("/simulator/api/faults", Ct)).EnsureSuccessStatusCode();

    public Task<JsonElement> HandshakeAsync(string platform) => PostAsync($"handshakes/{platform}", new { });

    public void Dispose() => http.Dispose();

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await http.PostAsJsonAsync("/simulator/api/" + path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Simulator {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
