using System.Globalization;
using System.Text;
using System.Text.Json;
using BlueLamp.Simulator.Http;
using BlueLamp.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>
/// com.atproto.repo.createRecord and deleteRecord for the account's repo. Posts are validated as the PDS
/// validates app.bsky.feed.post (text length, required createdAt, strong references in reply); what the PDS
/// would accept but a reader would see wrong (a wrong thread root, facets in UTF-16 offsets) is noted as a problem.
/// </summary>
public sealed class BlueskyRepoApi(SimulatorState state, XrpcGate gate, AccountEchoes echoes, UploadedMedia media, IOptions<SimulatorOptions> options)
{
    /// <summary>Threadgates the account owner will write in the app just after the next getRecord of each (by post URI), for tests of a concurrent change.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonElement> ownerEditsAfterRead = new(StringComparer.Ordinal);

    private const string PostCollection = "app.bsky.feed.post";
    private const string ThreadgateCollection = "app.bsky.feed.threadgate";
    private const long MaxBlobBytes = 1_000_000;
    private const int MaxHiddenReplies = 50;
    private const string ProfileCollection = "app.bsky.actor.profile";
    private readonly BlueskyAccountOptions account = options.Value.Bluesky;

    public async Task<IResult> CreateRecordAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request) is { } refused)
        {
            return refused;
        }
        if (await XrpcBody.ReadAsync(request) is not { } input)
        {
            return XrpcErrors.InvalidRequest("Input must be a JSON object");
        }
        if (RepoProblem(input) is { } repoProblem)
        {
            return repoProblem;
        }
        var collection = input.TryGetProperty("collection", out var c) ? c.GetString() : null;
        if (string.IsNullOrEmpty(collection) || !input.TryGetProperty("record", out var record) || record.ValueKind != JsonValueKind.Object)
        {
            return XrpcErrors.InvalidRequest("Input must have the properties \"collection\" and \"record\"");
        }
        var type = record.TryGetProperty("$type", out var t) ? t.GetString() : collection;
        if (type != collection)
        {
            return XrpcErrors.InvalidRequest($"Invalid $type: expected {collection}, got {type}");
        }
        var rkey = input.TryGetProperty("rkey", out var r) && r.GetString() is { Length: > 0 } given ? given : state.Ids.NextTid();
        var uri = $"at://{account.Did}/{collection}/{rkey}";
        if (collection == ThreadgateCollection)
        {
            return StoreThreadgate(uri, rkey, record, replace: false, swap: null);
        }
        if (state.Find(uri) is not null)
        {
            return XrpcErrors.InvalidRequest($"Record already exists: {uri}");
        }
        var cid = PlatformIds.CidFor(uri + record.GetRawText());
        if (collection == PostCollection)
        {
            var problem = StorePost(uri, cid, record);
            if (problem is not null)
            {
                return XrpcErrors.InvalidRequest($"Invalid {PostCollection} record: {problem}");
            }
        }
        return new PlatformJson(200, new
        {
            uri,
            cid,
            commit = new { cid = PlatformIds.CidFor("commit" + uri), rev = state.Ids.NextTid() },
            validationStatus = "valid",
        });
    }

    /// <summary>com.atproto.repo.uploadBlob: the raw bytes with their Content-Type; images over 1,000,000 bytes are refused.</summary>
    public async Task<IResult> UploadBlobAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request) is { } refused)
        {
            return refused;
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return XrpcErrors.InvalidRequest("Request body is empty");
        }
        if (buffer.Length > MaxBlobBytes)
        {
            return XrpcErrors.Error(400, "BlobTooLarge", $"This file is too large. It is {buffer.Length} bytes but the maximum size is {MaxBlobBytes} bytes.");
        }
        var mimeType = request.ContentType ?? "application/octet-stream";
        var cid = PlatformIds.CidFor("blob" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(buffer.ToArray())));
        media.Add(cid, SimulatedPlatform.Bluesky, mimeType, (int)buffer.Length);
        return new PlatformJson(200, new Dictionary<string, object>
        {
            ["blob"] = new Dictionary<string, object>
            {
                ["$type"] = "blob",
                ["ref"] = new Dictionary<string, string> { ["$link"] = cid },
                ["mimeType"] = mimeType,
                ["size"] = buffer.Length,
            },
        });
    }

    public async Task<IResult> DeleteRecordAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request) is { } refused)
        {
            return refused;
        }
        if (await XrpcBody.ReadAsync(request) is not { } input)
        {
            return XrpcErrors.InvalidRequest("Input must be a JSON object");
        }
        if (RepoProblem(input) is { } repoProblem)
        {
            return repoProblem;
        }
        var collection = input.TryGetProperty("collection", out var c) ? c.GetString() : null;
        var rkey = input.TryGetProperty("rkey", out var r) ? r.GetString() : null;
        if (string.IsNullOrEmpty(collection) || string.IsNullOrEmpty(rkey))
        {
            return XrpcErrors.InvalidRequest("Input must have the properties \"collection\" and \"rkey\"");
        }
        // Deleting what is not there succeeds too: the repo simply does not hold it afterwards.
        if (collection == ThreadgateCollection)
        {
            // Without its threadgate the thread is open to everyone again, and no reply under it is hidden.
            var postUri = $"at://{account.Did}/{PostCollection}/{rkey}";
            if (SwapProblem(input, state.Find(postUri)?.ThreadgateCid) is { } swapProblem)
            {
                return swapProblem;
            }
            state.Update(postUri, e => e with { CommentsClosed = false, Gated = false, ThreadgateJson = null, ThreadgateCid = null });
            ApplyHiddenReplies(postUri, []);
        }
        else
        {
            state.Update($"at://{account.Did}/{collection}/{rkey}", e => e with { Removed = true });
        }
        return new PlatformJson(200, new { commit = new { cid = PlatformIds.CidFor("commit-delete" + rkey), rev = state.Ids.NextTid() } });
    }

    /// <summary>
    /// An app.bsky.feed.threadgate record: its rkey must be the gated post's, its <c>post</c> that post's URI; an empty
    /// <c>allow</c> list closes the thread to replies (a missing one leaves it open to everyone), and the replies in
    /// <c>hiddenReplies</c> (at-uris, at most 50) are hidden under it. createRecord refuses a second one; putRecord
    /// (<paramref name="replace"/>) writes it over the first, as the app does to hide more replies, unless its swapRecord
    /// (<paramref name="swap"/>, when given) is not the CID of the record there now.
    /// </summary>
    private IResult StoreThreadgate(string uri, string rkey, JsonElement record, bool replace, JsonElement? swap)
    {
        var postUri = record.TryGetProperty("post", out var p) ? p.GetString() : null;
        if (postUri != $"at://{account.Did}/{PostCollection}/{rkey}" || state.Find(postUri) is not { Kind: EntryKind.Post, Removed: false } post)
        {
            return XrpcErrors.InvalidRequest($"Invalid {ThreadgateCollection} record: post must be the URI of the account's post with the same rkey");
        }
        if (!record.TryGetProperty("createdAt", out var created) || !DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return XrpcErrors.InvalidRequest($"Invalid {ThreadgateCollection} record: Record/createdAt must be a valid datetime");
        }
        var hidden = new List<string>();
        if (record.TryGetProperty("hiddenReplies", out var replies))
        {
            if (replies.ValueKind != JsonValueKind.Array || replies.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String || r.GetString()?.StartsWith("at://", StringComparison.Ordinal) != true))
            {
                return XrpcErrors.InvalidRequest($"Invalid {ThreadgateCollection} record: Record/hiddenReplies must be an array of at-uri strings");
            }
            if (replies.GetArrayLength() > MaxHiddenReplies)
            {
                return XrpcErrors.InvalidRequest($"Invalid {ThreadgateCollection} record: Record/hiddenReplies must not have more than {MaxHiddenReplies} elements");
            }
            hidden.AddRange(replies.EnumerateArray().Select(r => r.GetString()!));
        }
        if (!replace && (post.CommentsClosed || post.Gated))
        {
            return XrpcErrors.InvalidRequest($"Record already exists: {uri}");
        }
        if (record.TryGetProperty("allow", out var allow) && (allow.ValueKind != JsonValueKind.Array
            || allow.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.Object || !a.TryGetProperty("$type", out var ruleType) || ruleType.ValueKind != JsonValueKind.String)))
        {
            return XrpcErrors.InvalidRequest($"Invalid {ThreadgateCollection} record: Record/allow must be an array of rules, each with its $type");
        }
        if (swap is { } expected && SwapProblem(expected, post.ThreadgateCid) is { } swapProblem)
        {
            return swapProblem;
        }
        var closed = allow.ValueKind == JsonValueKind.Array && allow.GetArrayLength() == 0;
        var raw = record.GetRawText();
        // A content address, as the PDS gives: the same record written again has the same CID.
        var cid = PlatformIds.CidFor(uri + raw);
        state.Update(postUri, e => e with { CommentsClosed = closed, Gated = true, ThreadgateJson = raw, ThreadgateCid = cid });
        ApplyHiddenReplies(postUri, hidden);
        return new PlatformJson(200, new
        {
            uri,
            cid,
            commit = new { cid = PlatformIds.CidFor("commit" + uri), rev = state.Ids.NextTid() },
            validationStatus = "valid",
        });
    }

    /// <summary>Exactly the listed replies in the post's thread are hidden (the AppView ignores URIs outside it).</summary>
    private void ApplyHiddenReplies(string postUri, IReadOnlyCollection<string> hidden)
    {
        foreach (var reply in state.Entries(e => e.Platform == SimulatedPlatform.Bluesky && !e.ByAccount && (e.RootId == postUri || e.ThreadId == postUri) && e.Id != postUri))
        {
            var hide = hidden.Contains(reply.Id);
            if (reply.Hidden != hide)
            {
                state.Update(reply.Id, e => e with { Hidden = hide });
            }
        }
    }

    /// <summary>GET com.atproto.repo.getRecord: the account's profile record (app.bsky.actor.profile, rkey self) when there is one.</summary>
    public async Task<IResult> GetRecordAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request) is { } refused)
        {
            return refused;
        }
        var collection = request.Query["collection"].ToString();
        var rkey = request.Query["rkey"].ToString();
        var uri = $"at://{account.Did}/{collection}/{rkey}";
        if (collection == ProfileCollection && rkey == "self" && state.ProfileOf(SimulatedPlatform.Bluesky) is { RecordJson: { } json, Cid: { } cid })
        {
            return new PlatformJson(200, new { uri, cid, value = JsonDocument.Parse(json).RootElement.Clone() });
        }
        if (collection == ThreadgateCollection)
        {
            var postUri = $"at://{account.Did}/{PostCollection}/{rkey}";
            if (state.Find(postUri) is { ThreadgateJson: { } gateJson, ThreadgateCid: { } gateCid })
            {
                var served = new PlatformJson(200, new { uri, cid = gateCid, value = JsonDocument.Parse(gateJson).RootElement.Clone() });
                if (ownerEditsAfterRead.TryRemove(postUri, out var edit))
                {
                    StoreThreadgate(uri, rkey, edit, replace: true, swap: null); // the owner changes it in the app just after BlueLamp read it
                }
                return served;
            }
            return new PlatformJson(400, new { error = "RecordNotFound", message = $"Could not locate record: {uri}" });
        }
        if (state.Find(uri) is { } post)
        {
            return new PlatformJson(200, new { uri, cid = post.Cid, value = new { text = post.Text } });
        }
        return new PlatformJson(400, new { error = "RecordNotFound", message = $"Could not locate record: {uri}" });
    }

    /// <summary>POST com.atproto.repo.putRecord for the profile (rkey self), honouring swapRecord as the PDS does, and for a post's threadgate.</summary>
    public async Task<IResult> PutRecordAsync(HttpRequest request)
    {
        if (await gate.CheckAsync(request) is { } refused)
        {
            return refused;
        }
        if (await XrpcBody.ReadAsync(request) is not { } input)
        {
            return XrpcErrors.InvalidRequest("Input must be a JSON object");
        }
        if (RepoProblem(input) is { } repoProblem)
        {
            return repoProblem;
        }
        var collection = input.TryGetProperty("collection", out var c) ? c.GetString() : null;
        var rkey = input.TryGetProperty("rkey", out var r) ? r.GetString() : null;
        if (collection == ThreadgateCollection && !string.IsNullOrEmpty(rkey) && input.TryGetProperty("record", out var gateRecord) && gateRecord.ValueKind == JsonValueKind.Object)
        {
            return StoreThreadgate($"at://{account.Did}/{collection}/{rkey}", rkey, gateRecord, replace: true,
                input.TryGetProperty("swapRecord", out var gateSwap) ? gateSwap : null);
        }
        if (collection != ProfileCollection || rkey != "self" || !input.TryGetProperty("record", out var record) || record.ValueKind != JsonValueKind.Object)
        {
            return XrpcErrors.InvalidRequest("The simulator keeps only the profile record (app.bsky.actor.profile, rkey self) and threadgates by putRecord");
        }
        var current = state.ProfileOf(SimulatedPlatform.Bluesky);
        if (input.TryGetProperty("swapRecord", out var swap) && swap.GetString() != current?.Cid)
        {
            return new PlatformJson(400, new { error = "InvalidSwap", message = $"Record was at {current?.Cid ?? "null"}" });
        }
        var description = record.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
        if (new StringInfo(description).LengthInTextElements > 256)
        {
            return XrpcErrors.InvalidRequest("Invalid app.bsky.actor.profile record: Record/description must not be longer than 256 graphemes");
        }
        var uri = $"at://{account.Did}/{ProfileCollection}/self";
        var cid = PlatformIds.CidFor(uri + record.GetRawText());
        state.SetProfile(SimulatedPlatform.Bluesky, new SimulatedProfile(description, record.GetRawText(), cid));
        return new PlatformJson(200, new { uri, cid, commit = new { cid = PlatformIds.CidFor("commit" + uri + cid), rev = state.Ids.NextTid() }, validationStatus = "valid" });
    }

    /// <summary>
    /// The account owner sets a post's threadgate in the app (the simulator's control API): now, or just after BlueLamp
    /// next reads it (<paramref name="afterNextRead"/>), to stand for a change made while BlueLamp was merging its own.
    /// </summary>
    public IResult SetThreadgateInApp(string postUri, JsonElement record, bool afterNextRead)
    {
        var rkey = postUri.StartsWith($"at://{account.Did}/{PostCollection}/", StringComparison.Ordinal) ? postUri[(postUri.LastIndexOf('/') + 1)..] : "";
        var uri = $"at://{account.Did}/{ThreadgateCollection}/{rkey}";
        if (afterNextRead)
        {
            ownerEditsAfterRead[postUri] = record.Clone();
            return Results.Accepted();
        }
        return StoreThreadgate(uri, rkey, record, replace: true, swap: null);
    }

    /// <summary>swapRecord as the PDS checks it: a CID must be the record's now; JSON null means there must be none.</summary>
    private static IResult? SwapProblem(JsonElement input, string? current)
    {
        var swap = input.ValueKind == JsonValueKind.Object ? (input.TryGetProperty("swapRecord", out var s) ? s : (JsonElement?)null) : input;
        if (swap is not { } given || (given.ValueKind == JsonValueKind.String ? given.GetString() == current : given.ValueKind == JsonValueKind.Null && current is null))
        {
            return null;
        }
        return new PlatformJson(400, new { error = "InvalidSwap", message = $"Record was at {current ?? "null"}" });
    }

    private IResult? RepoProblem(JsonElement input)
    {
        var repo = input.TryGetProperty("repo", out var r) ? r.GetString() : null;
        if (string.IsNullOrEmpty(repo))
        {
            return XrpcErrors.InvalidRequest("Input must have the property \"repo\"");
        }
        return repo == account.Did || string.Equals(repo, account.Handle, StringComparison.OrdinalIgnoreCase)
            ? null
            : XrpcErrors.InvalidRequest($"Could not find repo: {repo}");
    }

    private string? StorePost(string uri, string cid, JsonElement record)
    {
        var text = record.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        if (text is null)
        {
            return "Record must have the property \"text\"";
        }
        if (new StringInfo(text).LengthInTextElements > 300 || Encoding.UTF8.GetByteCount(text) > 3000)
        {
            return "Record/text must not be longer than 300 graphemes";
        }
        if (!record.TryGetProperty("createdAt", out var created) || !DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return "Record/createdAt must be a valid datetime";
        }
        string? parentUri = null, parentCid = null, rootUri = null, rootCid = null;
        if (record.TryGetProperty("reply", out var reply))
        {
            if (!StrongRef(reply, "parent", out parentUri, out parentCid) || !StrongRef(reply, "root", out rootUri, out rootCid))
            {
                return "Record/reply must have the properties \"root\" and \"parent\", each with \"uri\" and \"cid\"";
            }
        }
        var altTexts = new List<string>();
        if (record.TryGetProperty("embed", out var embed) && embed.TryGetProperty("$type", out var embedType) && embedType.GetString() == "app.bsky.embed.images")
        {
            if (!embed.TryGetProperty("images", out var images) || images.ValueKind != JsonValueKind.Array || images.GetArrayLength() is 0 or > 4)
            {
                return "Record/embed/images must have between 1 and 4 items";
            }
            foreach (var image in images.EnumerateArray())
            {
                var link = image.TryGetProperty("image", out var blob) && blob.TryGetProperty("ref", out var reference) && reference.TryGetProperty("$link", out var l) ? l.GetString() : null;
                if (!image.TryGetProperty("alt", out var alt) || alt.ValueKind != JsonValueKind.String)
                {
                    return "Record/embed/images/alt must be a string";
                }
                if (link is null || media.Find(link, SimulatedPlatform.Bluesky) is null)
                {
                    return "Record/embed/images/image must be a blob uploaded to this repo";
                }
                altTexts.Add(alt.GetString()!);
            }
        }
        JsonElement? facets = record.TryGetProperty("facets", out var f) ? f.Clone() : null;
        var problems = BlueskyFacets.Check(text, facets).ToList();
        if (altTexts.Any(string.IsNullOrEmpty))
        {
            problems.Add("image posted without alt text");
        }
        var parent = parentUri is null ? null : state.Find(parentUri);
        if (parent is not null)
        {
            if (parent.Cid != parentCid)
            {
                problems.Add($"reply.parent.cid is {parentCid} but the parent's cid is {parent.Cid}");
            }
            var expectedRoot = parent.RootId ?? parent.Id;
            if (rootUri != expectedRoot)
            {
                problems.Add($"reply.root.uri is {rootUri} but the thread's root is {expectedRoot}");
            }
        }
        var post = state.Add(new SimulatedEntry
        {
            Id = uri,
            Platform = SimulatedPlatform.Bluesky,
            Kind = parentUri is null ? EntryKind.Post : EntryKind.Mention,
            ByAccount = true,
            ViaApi = true,
            PersonId = parent?.PersonId ?? (rootUri is null ? null : state.Find(rootUri)?.PersonId),
            Text = text,
            At = state.Clock.GetUtcNow(),
            Cid = cid,
            ParentId = parentUri,
            ParentCid = parentCid,
            RootId = rootUri,
            RootCid = rootCid,
            ThreadId = rootUri ?? uri,
            Facets = facets,
            ImageAltTexts = altTexts,
            Problems = problems,
        });
        echoes.After(post);
        return null;
    }

    private static bool StrongRef(JsonElement reply, string name, out string? uri, out string? cid)
    {
        uri = cid = null;
        if (!reply.TryGetProperty(name, out var reference) || reference.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        uri = reference.TryGetProperty("uri", out var u) ? u.GetString() : null;
        cid = reference.TryGetProperty("cid", out var c) ? c.GetString() : null;
        return uri?.StartsWith("at://", StringComparison.Ordinal) == true && !string.IsNullOrEmpty(cid);
    }
}
