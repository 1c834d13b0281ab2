using System.Text.Json;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>One labelled message of a triage corpus (<c>Samples/triage-corpus.jsonl</c>, <c>Samples/independent-corpus.jsonl</c>, <c>Samples/social-corpus.jsonl</c>, <c>Samples/fresh-corpus.jsonl</c>, <c>Samples/fresh2-corpus.jsonl</c>, <c>Samples/fresh3-corpus.jsonl</c>, <c>Samples/fresh4-corpus.jsonl</c>, <c>Samples/fresh5-corpus.jsonl</c>, <c>Samples/fresh6-corpus.jsonl</c>, <c>Samples/fresh7-corpus.jsonl</c>).</summary>
public sealed record CorpusMessage(
    string Id,
    string Text,
    string Kind,
    string? Parent,
    int ExpectedGrade,
    bool ExpectedLifeAtRisk,
    string ExpectedCategory,
    string Split)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public TriageContext Context => new(
        Kind switch
        {
            "dm" => ConversationKind.DirectMessage,
            "comment" => ConversationKind.CommentThread,
            "mention" => ConversationKind.Mention,
            _ => throw new InvalidDataException($"Corpus message {Id} has kind '{Kind}'."),
        },
        Parent);

    public const string OriginalCorpus = "triage-corpus.jsonl";

    public const string IndependentCorpus = "independent-corpus.jsonl";

    public const string SocialCorpus = "social-corpus.jsonl";

    public const string FreshCorpus = "fresh-corpus.jsonl";

    public const string FreshCorpus2 = "fresh2-corpus.jsonl";

    public const string FreshCorpus3 = "fresh3-corpus.jsonl";

    public const string FreshCorpus4 = "fresh4-corpus.jsonl";

    public const string FreshCorpus5 = "fresh5-corpus.jsonl";

    public const string FreshCorpus6 = "fresh6-corpus.jsonl";

    public const string FreshCorpus7 = "fresh7-corpus.jsonl";

    public static IReadOnlyList<CorpusMessage> Load(string fileName = OriginalCorpus)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Triage", "Samples", fileName);
        return File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<CorpusMessage>(line, Options)
                ?? throw new InvalidDataException($"Empty corpus line: {line}"))
            .ToList();
    }
}
