using System.Text.Json;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>One labelled message of the triage corpus (<c>Samples/triage-corpus.jsonl</c>).</summary>
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

    public static IReadOnlyList<CorpusMessage> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Triage", "Samples", "triage-corpus.jsonl");
        return File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<CorpusMessage>(line, Options)
                ?? throw new InvalidDataException($"Empty corpus line: {line}"))
            .ToList();
    }
}
