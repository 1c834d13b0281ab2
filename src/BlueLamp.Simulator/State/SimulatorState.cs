using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator.State;

/// <summary>
/// Everything that exists on the simulated platforms: people, their DMs, comments and mentions, and what
/// BlueLamp sent back. In memory and thread-safe; <see cref="Changed"/> lets the page update live.
/// </summary>
public sealed class SimulatorState
{
    private readonly Lock gate = new();
    private readonly Dictionary<(SimulatedPlatform, string), SimulatedPerson> people = [];
    private readonly Dictionary<string, SimulatedEntry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<(SimulatedPlatform, string), string> threads = [];
    private readonly HashSet<string> chatClosed = new(StringComparer.Ordinal);
    private readonly Dictionary<SimulatedPlatform, SimulatedProfile> profiles = [];
    private readonly SimulatorOptions options;
    private readonly PlatformIds ids;
    private readonly TimeProvider clock;
    private long sequence;

    public SimulatorState(IOptions<SimulatorOptions> options, PlatformIds ids, TimeProvider clock)
    {
        this.options = options.Value;
        this.ids = ids;
        this.clock = clock;
        Seed();
    }

    /// <summary>Raised after any change, outside the lock; handlers must not block.</summary>
    public event Action? Changed;

    public PlatformIds Ids => ids;

    public TimeProvider Clock => clock;

    /// <summary>The id the platform knows the force's account by: Page id, Instagram account id, X user id, DID.</summary>
    public string AccountIdOf(SimulatedPlatform platform) => platform switch
    {
        SimulatedPlatform.Facebook => options.Meta.PageId,
        SimulatedPlatform.Instagram => options.Meta.InstagramAccountId,
        SimulatedPlatform.X => options.X.UserId,
        SimulatedPlatform.Bluesky => options.Bluesky.Did,
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    public string AccountNameOf(SimulatedPlatform platform) => platform switch
    {
        SimulatedPlatform.Facebook => options.Meta.PageName,
        SimulatedPlatform.Instagram => options.Meta.InstagramUsername,
        SimulatedPlatform.X => options.X.Username,
        SimulatedPlatform.Bluesky => options.Bluesky.Handle,
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    public SimulatedPerson AddPerson(SimulatedPlatform platform, string name, string? username = null)
    {
        var handle = string.IsNullOrWhiteSpace(username) ? UsernameFrom(name, platform) : username.Trim();
        var person = new SimulatedPerson(platform, NewPersonId(platform), name.Trim(), handle);
        lock (gate)
        {
            people[(platform, person.Id)] = person;
        }
        OnChanged();
        return person;
    }

    public SimulatedPerson? FindPerson(SimulatedPlatform platform, string id)
    {
        lock (gate)
        {
            return people.GetValueOrDefault((platform, id));
        }
    }

    /// <summary>Finds a person by id on whichever platform has them.</summary>
    public SimulatedPerson? FindPersonAnywhere(string id)
    {
        lock (gate)
        {
            return people.Values.FirstOrDefault(p => p.Id == id);
        }
    }

    public IReadOnlyList<SimulatedPerson> People(SimulatedPlatform platform)
    {
        lock (gate)
        {
            return [.. people.Values.Where(p => p.Platform == platform).OrderBy(p => p.Name, StringComparer.CurrentCulture)];
        }
    }

    /// <summary>The DM thread between the account and a person, created on first use with the platform's id format.</summary>
    public string ThreadFor(SimulatedPlatform platform, string personId)
    {
        lock (gate)
        {
            if (threads.TryGetValue((platform, personId), out var existing))
            {
                return existing;
            }
            var created = platform switch
            {
                SimulatedPlatform.Facebook => ids.NextThreadId(),
                SimulatedPlatform.Instagram => Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).TrimEnd('='),
                SimulatedPlatform.X => XConversationId(AccountIdOf(SimulatedPlatform.X), personId),
                SimulatedPlatform.Bluesky => ids.NextChatId(),
                _ => throw new ArgumentOutOfRangeException(nameof(platform)),
            };
            threads[(platform, personId)] = created;
            return created;
        }
    }

    /// <summary>The person a DM thread is with, or null when no such thread exists.</summary>
    public string? PersonInThread(SimulatedPlatform platform, string threadId)
    {
        lock (gate)
        {
            return threads.FirstOrDefault(t => t.Key.Item1 == platform && t.Value == threadId).Key.Item2;
        }
    }

    /// <summary>A Bluesky person's chat setting: closed means they take chat messages from nobody the account is.</summary>
    public void SetChatClosed(string personId, bool closed)
    {
        lock (gate)
        {
            if (closed)
            {
                chatClosed.Add(personId);
            }
            else
            {
                chatClosed.Remove(personId);
            }
        }
        OnChanged();
    }

    public bool IsChatClosed(string personId)
    {
        lock (gate)
        {
            return chatClosed.Contains(personId);
        }
    }

    /// <summary>The account's profile text (Page about, Bluesky description) as BlueLamp last set it; null when never set.</summary>
    public string? ProfileTextOf(SimulatedPlatform platform)
    {
        lock (gate)
        {
            return profiles.GetValueOrDefault(platform)?.Text;
        }
    }

    /// <summary>The account's profile as last written: its text and, on Bluesky, the whole record and its cid.</summary>
    public SimulatedProfile? ProfileOf(SimulatedPlatform platform)
    {
        lock (gate)
        {
            return profiles.GetValueOrDefault(platform);
        }
    }

    public void SetProfile(SimulatedPlatform platform, SimulatedProfile profile)
    {
        lock (gate)
        {
            profiles[platform] = profile;
        }
        OnChanged();
    }

    public SimulatedEntry Add(SimulatedEntry entry)
    {
        SimulatedEntry stored;
        lock (gate)
        {
            stored = entry with { Sequence = ++sequence };
            entries[stored.Id] = stored;
        }
        OnChanged();
        return stored;
    }

    public SimulatedEntry? Find(string id)
    {
        lock (gate)
        {
            return entries.GetValueOrDefault(id);
        }
    }

    /// <summary>Changes an entry in place (edit, removal); returns null when it does not exist.</summary>
    public SimulatedEntry? Update(string id, Func<SimulatedEntry, SimulatedEntry> change)
    {
        SimulatedEntry? updated = null;
        lock (gate)
        {
            if (entries.TryGetValue(id, out var current))
            {
                updated = change(current) with { Id = current.Id, Sequence = current.Sequence };
                entries[id] = updated;
            }
        }
        if (updated is not null)
        {
            OnChanged();
        }
        return updated;
    }

    /// <summary>A snapshot of matching entries, oldest first.</summary>
    public IReadOnlyList<SimulatedEntry> Entries(Func<SimulatedEntry, bool> match)
    {
        lock (gate)
        {
            return [.. entries.Values.Where(match).OrderBy(e => e.At).ThenBy(e => e.Sequence)];
        }
    }

    /// <summary>Forgets everything and seeds the demo again.</summary>
    public void Reset()
    {
        lock (gate)
        {
            people.Clear();
            entries.Clear();
            threads.Clear();
            chatClosed.Clear();
            profiles.Clear();
        }
        Seed();
        OnChanged();
    }

    private void Seed()
    {
        var now = clock.GetUtcNow();
        AddPerson(SimulatedPlatform.Facebook, "Sam Evans");
        AddPerson(SimulatedPlatform.Instagram, "Rhian Jones", "rhian.jones");
        AddPerson(SimulatedPlatform.X, "Dai Morgan", "daimorgan77");
        AddPerson(SimulatedPlatform.Bluesky, "Ceri Price", "ceriprice.bsky.social");
        AddAccountPost(SimulatedPlatform.Facebook, "MISSING: Have you seen Ellie, 14? She was last seen in Newport city centre on Tuesday afternoon. Call 101 quoting 2600012345.", now.AddHours(-6));
        AddAccountPost(SimulatedPlatform.Facebook, "Our officers will be at the Riverside market on Saturday from 10am for a crime prevention drop-in. Come and say hello.", now.AddHours(-30));
        AddAccountPost(SimulatedPlatform.Instagram, "Out on patrol in the town centre this weekend. Stop us for a chat.", now.AddHours(-4));
        AddAccountPost(SimulatedPlatform.X, "Road closed: the A48 eastbound is shut after a collision. Please avoid the area.", now.AddHours(-2));
        AddAccountPost(SimulatedPlatform.Bluesky, "Appeal: a bicycle was stolen from outside the library on Monday. Seen it? Message us.", now.AddHours(-3));
    }

    /// <summary>Creates one of the account's own posts, as if it had been published earlier.</summary>
    public SimulatedEntry AddAccountPost(SimulatedPlatform platform, string text, DateTimeOffset at)
    {
        var id = platform switch
        {
            SimulatedPlatform.Facebook => $"{options.Meta.PageId}_{ids.NextGraphNumber()}",
            SimulatedPlatform.Instagram => "1790" + ids.NextGraphNumber(),
            SimulatedPlatform.X => ids.NextSnowflake(),
            SimulatedPlatform.Bluesky => $"at://{options.Bluesky.Did}/app.bsky.feed.post/{ids.NextTid()}",
            _ => throw new ArgumentOutOfRangeException(nameof(platform)),
        };
        return Add(new SimulatedEntry
        {
            Id = id,
            Platform = platform,
            Kind = EntryKind.Post,
            ByAccount = true,
            Text = text,
            At = at,
            ThreadId = id,
            Cid = platform == SimulatedPlatform.Bluesky ? PlatformIds.CidFor(id + text) : null,
        });
    }

    private string NewPersonId(SimulatedPlatform platform) => platform switch
    {
        SimulatedPlatform.Facebook => "2" + ids.NextGraphNumber() + "00",
        SimulatedPlatform.Instagram => "1" + ids.NextGraphNumber() + "000",
        SimulatedPlatform.X => (1_000_000_000 + RandomNumberGenerator.GetInt32(0, int.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        SimulatedPlatform.Bluesky => "did:plc:" + ids.NextTid() + ids.NextTid()[..11],
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    private static string UsernameFrom(string name, SimulatedPlatform platform)
    {
        var letters = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        if (letters.Length == 0)
        {
            letters = "person";
        }
        var suffix = RandomNumberGenerator.GetInt32(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return platform == SimulatedPlatform.Bluesky ? $"{letters}{suffix}.bsky.social" : letters + suffix;
    }

    // X names a one-to-one DM conversation by both user ids, the smaller first.
    private static string XConversationId(string a, string b) =>
        decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture) < decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture) ? $"{a}-{b}" : $"{b}-{a}";

    private void OnChanged() => Changed?.Invoke();
}
