using System.Diagnostics;
using System.Globalization;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Forces;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.LoadGenerator;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace BlueLamp.DeskBench;

/// <summary>
/// Seeds a database with a million messages (two forces, twenty messages a conversation, one conversation in fifty open)
/// by bulk insert, then times the desk's own queue search (<see cref="DeskQueue.ListOpenAsync"/>, force-scoped) for
/// realistic searches: a common word, two words, a prefix, a rare word and a word that is nowhere.
/// </summary>
public static class SearchBench
{
    private const int MessagesPerConversation = 20;
    private const int OpenOneIn = 50;
    private const int Iterations = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var provider = arguments.Get("provider") ?? "Sqlite";
        var total = arguments.Int("messages", 1_000_000);
        var folder = Path.Combine(Path.GetTempPath(), "bluelamp-searchbench");
        Directory.CreateDirectory(folder);
        string connectionString;
        if (provider == "Postgres")
        {
            var admin = arguments.Get("postgres") ?? Environment.GetEnvironmentVariable("BLUELAMP_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Give --postgres <admin connection string> (or set BLUELAMP_TEST_POSTGRES).");
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand("DROP DATABASE IF EXISTS bluelamp_searchbench WITH (FORCE)", connection).ExecuteNonQueryAsync();
                await new NpgsqlCommand("CREATE DATABASE bluelamp_searchbench", connection).ExecuteNonQueryAsync();
            }
            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = "bluelamp_searchbench", CommandTimeout = 600 }.ConnectionString;
        }
        else
        {
            var file = Path.Combine(folder, "search.db");
            foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(stale);
            connectionString = $"Data Source={file}";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.DataFolderKey] = folder,
            [DatabaseSettings.ProviderKey] = provider,
            [$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddBlueLampData(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var dbs = services.GetRequiredService<BlueLampDbFactory>();

        var clock = Stopwatch.StartNew();
        var corpus = new Corpus(new Random(42));
        var (big, small) = await SeedConversationsAsync(dbs, total / MessagesPerConversation);
        Console.WriteLine($"{provider}: {total / MessagesPerConversation:N0} conversations in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        if (provider == "Postgres")
            await CopyMessagesAsync(connectionString, big, small, corpus, total);
        else
            await InsertMessagesAsync(connectionString, big, small, corpus, total);
        Console.WriteLine($"{provider}: {total:N0} messages in {clock.Elapsed.TotalSeconds:0.0} s ({total / clock.Elapsed.TotalSeconds:N0}/s)");

        var queue = new DeskQueue(dbs, new AuditTrail(TimeProvider.System, WriteTurn.Free), new InProcessDeskEvents(NullLogger<InProcessDeskEvents>.Instance), TimeProvider.System);
        var user = new DeskUser("bench", "Bench Operator", big.ForceId);
        var searches = new (string Kind, string Query)[]
        {
            ("common word", "car"),
            ("two words", "stolen bike"),
            ("prefix", "burgl"),
            ("rare word", corpus.RareWordOfForce(big.ForceId)),
            ("no hit", "qzxwvutsr"),
            ("none (whole queue)", ""),
        };
        Console.WriteLine($"{"search",-20} {"query",-22} {"found",6} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (kind, query) in searches)
        {
            var filter = new QueueFilter { Search = query };
            for (var i = 0; i < 5; i++)
                await queue.ListOpenAsync(user, filter);
            var times = new List<double>();
            var found = 0;
            for (var i = 0; i < Iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                found = (await queue.ListOpenAsync(user, filter)).Count;
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-20} {Quote(query),-22} {found,6} {Percentiles.Of(times, 50),8:0.0} {Percentiles.Of(times, 99),8:0.0} {times[^1],8:0.0}"));
        }
        return 0;
    }

    private static string Quote(string query) => query.Length == 0 ? "(none)" : $"\"{query}\"";

    /// <summary>The two forces' conversations: nine in ten belong to the big force; one in fifty is open.</summary>
    private static async Task<(ForceSeed Big, ForceSeed Small)> SeedConversationsAsync(BlueLampDbFactory dbs, int conversations)
    {
        var now = DateTimeOffset.UtcNow;
        var seeds = new List<ForceSeed>();
        foreach (var (slug, name, share) in new[] { ("bench-big", "Big Bench Constabulary", 9), ("bench-small", "Small Bench Police", 1) })
        {
            var force = new Force(Guid.CreateVersion7(), slug, name, now);
            var account = new Account(Guid.CreateVersion7(), force.Id, null, Platform.Facebook, AccountKind.Corporate, slug + "-page", name);
            await using (var db = dbs.Unscoped())
            {
                db.Forces.Add(force);
                await db.SaveChangesAsync();
            }
            await using (var db = dbs.ForForce(force.Id))
            {
                db.Accounts.Add(account);
                await db.SaveChangesAsync();
            }
            var ids = new List<Guid>();
            var open = new HashSet<Guid>();
            var count = conversations * share / 10;
            for (var start = 0; start < count; start += 5000)
            {
                await using var db = dbs.ForForce(force.Id);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = start; i < Math.Min(count, start + 5000); i++)
                {
                    var person = new Person(Guid.CreateVersion7(), force.Id, $"Person {i}", now);
                    var conversation = new Conversation(Guid.CreateVersion7(), force.Id, account.Id, person.Id, ConversationKind.DirectMessage,
                        (i % OpenOneIn == 0 ? "open:" : "closed:") + i.ToString(CultureInfo.InvariantCulture), now.AddMinutes(-i));
                    db.People.Add(person);
                    db.Conversations.Add(conversation);
                    ids.Add(conversation.Id);
                    if (i % OpenOneIn == 0)
                        open.Add(conversation.Id);
                }
                await db.SaveChangesAsync();
            }
            seeds.Add(new ForceSeed(force.Id, account.Id, ids, open));
        }
        await using (var db = dbs.Unscoped())
            await db.Database.ExecuteSqlRawAsync("UPDATE conversations SET \"Status\" = 2 WHERE \"ThreadKey\" LIKE 'closed:%'");
        return (seeds[0], seeds[1]);
    }

    /// <summary>SQLite: one prepared INSERT in large transactions (the FTS5 index is kept by the table's trigger, as in production).</summary>
    private static async Task InsertMessagesAsync(string connectionString, ForceSeed big, ForceSeed small, Corpus corpus, int total)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // EF Core stores GUIDs as upper-case text on SQLite; match whatever the seeded rows use.
        var sample = (string)(await new SqliteCommand("SELECT \"Id\" FROM conversations LIMIT 1", connection).ExecuteScalarAsync())!;
        var upper = string.Equals(sample, sample.ToUpperInvariant(), StringComparison.Ordinal);
        string Text(Guid id) => upper ? id.ToString().ToUpperInvariant() : id.ToString();
        await using (var pragma = new SqliteCommand("PRAGMA synchronous = OFF;", connection))
            await pragma.ExecuteNonQueryAsync();
        var written = 0;
        while (written < total)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = new SqliteCommand(
                "INSERT INTO messages (\"Id\",\"ForceId\",\"ConversationId\",\"AccountId\",\"Direction\",\"PlatformMessageId\",\"Text\",\"SentAt\",\"RecordedAt\",\"DeliveryState\") " +
                "VALUES ($id,$force,$conversation,$account,1,$platformId,$text,$at,$at,1)", connection, transaction);
            var p = new[] { "$id", "$force", "$conversation", "$account", "$platformId", "$text", "$at" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            p[6].SqliteType = SqliteType.Integer;
            insert.Prepare();
            for (var i = 0; i < 50_000 && written < total; i++, written++)
            {
                var (seed, conversation, text, at) = corpus.Next(big, small, written);
                p[0].Value = Text(Guid.CreateVersion7());
                p[1].Value = Text(seed.ForceId);
                p[2].Value = Text(conversation);
                p[3].Value = Text(seed.AccountId);
                p[4].Value = "bench_" + written.ToString(CultureInfo.InvariantCulture);
                p[5].Value = text;
                p[6].Value = at.UtcTicks;
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        await new SqliteCommand("PRAGMA synchronous = NORMAL; ANALYZE;", connection).ExecuteNonQueryAsync();
    }

    /// <summary>PostgreSQL: binary COPY, with the full-text GIN index built once afterwards.</summary>
    private static async Task CopyMessagesAsync(string connectionString, ForceSeed big, ForceSeed small, Corpus corpus, int total)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("DROP INDEX IF EXISTS ix_messages_search_vector", connection).ExecuteNonQueryAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY messages (\"Id\",\"ForceId\",\"ConversationId\",\"AccountId\",\"Direction\",\"PlatformMessageId\",\"Text\",\"SentAt\",\"RecordedAt\",\"DeliveryState\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var written = 0; written < total; written++)
            {
                var (seed, conversation, text, at) = corpus.Next(big, small, written);
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(seed.ForceId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(conversation, NpgsqlDbType.Uuid);
                await writer.WriteAsync(seed.AccountId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync("bench_" + written.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await writer.WriteAsync(text, NpgsqlDbType.Text);
                await writer.WriteAsync(at.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(at.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
            }
            await writer.CompleteAsync();
        }
        await new NpgsqlCommand("CREATE INDEX ix_messages_search_vector ON messages USING GIN (search_vector); ANALYZE;", connection) { CommandTimeout = 1200 }.ExecuteNonQueryAsync();
    }

    private sealed record ForceSeed(Guid ForceId, Guid AccountId, List<Guid> Conversations, HashSet<Guid> Open);

    /// <summary>Message text that reads like what the public writes to a force: common words by a Zipf law, and rare names and places.</summary>
    private sealed class Corpus(Random random)
    {
        private static readonly string[] Common =
        [
            "the", "a", "i", "to", "and", "is", "my", "in", "of", "on", "there", "someone", "car", "please", "police", "outside", "road",
            "street", "last", "night", "house", "man", "van", "help", "report", "saw", "seen", "neighbour", "noise", "stolen", "bike", "park",
            "school", "shop", "window", "broken", "door", "phone", "lost", "found", "dog", "missing", "fight", "party", "loud", "music",
            "fire", "smoke", "crash", "accident", "burglary", "burgled", "threatening", "scam", "email", "text", "money", "bank", "fraud",
            "anyone", "know", "who", "what", "when", "thanks", "hello", "any", "update", "our", "at", "near", "by", "was", "has", "been",
            "just", "now", "today", "yesterday", "morning", "evening", "again", "every", "week", "for", "about", "happened", "tonight",
            "speeding", "drugs", "dealing", "parked", "driving", "youths", "shouting", "garden", "shed", "tools", "keys", "wallet", "bag",
        ];

        private static readonly string[] Syllables =
            ["bryn", "teg", "llan", "dew", "gwyn", "fach", "maes", "coed", "pen", "rhos", "tre", "ddu", "aber", "nant", "glyn", "cwm", "hen", "wern", "pant", "heol"];

        private readonly double[] cumulative = Cumulative(Common.Length);
        private readonly Dictionary<Guid, Dictionary<string, int>> rareByForce = [];

        public (ForceSeed Seed, Guid Conversation, string Text, DateTimeOffset At) Next(ForceSeed big, ForceSeed small, int index)
        {
            var seed = random.Next(10) == 0 ? small : big;
            var conversation = seed.Conversations[random.Next(seed.Conversations.Count)];
            var words = new List<string>();
            var length = random.Next(8, 30);
            for (var i = 0; i < length; i++)
            {
                var found = Array.BinarySearch(cumulative, random.NextDouble());
                words.Add(Common[Math.Min(found < 0 ? ~found : found, Common.Length - 1)]);
            }
            if (random.Next(10) < 3)
            {
                var rare = Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)] + random.Next(100).ToString(CultureInfo.InvariantCulture);
                words.Insert(random.Next(words.Count), rare);
                var counts = rareByForce.TryGetValue(seed.ForceId, out var c) ? c : rareByForce[seed.ForceId] = [];
                // Counted only in open conversations: the rare search should find something on the desk.
                counts[rare] = counts.GetValueOrDefault(rare) + (seed.Open.Contains(conversation) ? 1 : 1000);
            }
            return (seed, conversation, string.Join(' ', words), DateTimeOffset.UtcNow.AddSeconds(-index));
        }

        /// <summary>A rare word of the force that occurs a few times, all in open conversations.</summary>
        public string RareWordOfForce(Guid forceId) =>
            rareByForce[forceId].Where(w => w.Value is >= 2 and <= 10).Select(w => w.Key).Order(StringComparer.Ordinal).First();

        private static double[] Cumulative(int count)
        {
            var weights = Enumerable.Range(1, count).Select(rank => 1.0 / rank).ToArray();
            var sum = weights.Sum();
            var cumulative = new double[count];
            var running = 0.0;
            for (var i = 0; i < count; i++)
                cumulative[i] = running += weights[i] / sum;
            return cumulative;
        }
    }
}
