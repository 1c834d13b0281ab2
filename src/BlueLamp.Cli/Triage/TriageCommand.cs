using System.Text.Encodings.Web;
using System.Text.Json;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Cli.Triage;

/// <summary>
/// <c>triage</c>: assesses JSON lines from stdin with the triage engine and writes one JSON line per input
/// line to stdout, in order, so a script can pair them up. A bad line gets an error line naming its line
/// number and the rest are still assessed; blank lines are skipped.
/// </summary>
internal static class TriageCommand
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Welsh letters and emoji stay readable in the output; it is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string? indicatorsFile, TextReader input, TextWriter output, TextWriter error)
    {
        IndicatorSet set;
        try
        {
            set = indicatorsFile is null ? IndicatorSet.Default : IndicatorSetParser.Parse(await File.ReadAllTextAsync(indicatorsFile));
        }
        catch (Exception e) when (e is InvalidIndicatorSetException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot use the indicator set {(indicatorsFile is null ? "shipped with BlueLamp" : "in " + indicatorsFile)}: {e.Message}");
            return 2;
        }

        var engine = new TriageEngine(set);
        var buffer = new MemoryStream();
        var lineNumber = 0;
        while (true)
        {
            string? line;
            try
            {
                line = await input.ReadLineAsync();
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"Cannot read standard input after line {lineNumber}: {e.Message}");
                return 1;
            }
            if (line is null)
                break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;

            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                var request = TriageRequest.Parse(line);
                if (request.Problem is not null)
                    WriteError(writer, lineNumber, request.Id, request.Problem);
                else
                    WriteAssessment(writer, request.Id!, engine.Assess(request.Text!, request.Context!));
            }
            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        await output.FlushAsync();
        return 0;
    }

    private static void WriteError(Utf8JsonWriter writer, int lineNumber, string? id, string problem)
    {
        writer.WriteStartObject();
        writer.WriteNumber("line", lineNumber);
        if (id is not null)
            writer.WriteString("id", id);
        writer.WriteString("error", $"line {lineNumber}: {problem}");
        writer.WriteEndObject();
    }

    private static void WriteAssessment(Utf8JsonWriter writer, string id, RiskAssessmentResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteNumber("grade", (int)result.Grade);
        writer.WriteBoolean("lifeAtRisk", result.LifeAtRisk);
        writer.WriteString("category", result.Category.ToCode());
        writer.WriteNumber("score", result.Score);
        writer.WriteNumber("lifeScore", result.LifeScore);
        writer.WriteString("personAtRisk", result.PersonAtRisk.ToString());
        writer.WriteString("language", result.Language);
        writer.WriteStartArray("indicators");
        foreach (var hit in result.Indicators)
        {
            writer.WriteStartObject();
            writer.WriteString("name", hit.Name);
            writer.WriteString("span", hit.Text);
            writer.WriteNumber("weight", hit.Weight);
            writer.WriteNumber("start", hit.Start);
            writer.WriteNumber("length", hit.Length);
            writer.WriteString("role", hit.Role.ToString());
            if (hit.Discount != Discount.None)
                writer.WriteString("discount", hit.Discount.ToString());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("engineVersion", result.EngineVersion);
        writer.WriteString("indicatorSetVersion", result.IndicatorSetVersion);
        writer.WriteEndObject();
    }

    /// <summary>One input line, or what is wrong with it.</summary>
    internal sealed record TriageRequest(string? Id, string? Text, TriageContext? Context, string? Problem)
    {
        public static TriageRequest Parse(string line)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                return new TriageRequest(null, null, null, $"not valid JSON ({e.Message})");
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    return new TriageRequest(null, null, null, "expected a JSON object");
                string? id = null;
                if (root.TryGetProperty("id", out var idElement))
                {
                    id = idElement.ValueKind switch
                    {
                        JsonValueKind.String => idElement.GetString(),
                        JsonValueKind.Number => idElement.GetRawText(),
                        _ => null,
                    };
                }
                if (string.IsNullOrEmpty(id))
                    return new TriageRequest(null, null, null, "\"id\" must be a non-empty string");
                if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
                    return new TriageRequest(id, null, null, "\"text\" must be a string");
                if (!root.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String)
                    return new TriageRequest(id, null, null, "\"kind\" must be \"dm\", \"comment\" or \"mention\"");
                ConversationKind? kind = kindElement.GetString() switch
                {
                    "dm" => ConversationKind.DirectMessage,
                    "comment" => ConversationKind.CommentThread,
                    "mention" => ConversationKind.Mention,
                    _ => null,
                };
                if (kind is null)
                    return new TriageRequest(id, null, null, $"\"kind\" is \"{kindElement.GetString()}\"; it must be \"dm\", \"comment\" or \"mention\"");
                string? parent = null;
                if (root.TryGetProperty("parent", out var parentElement))
                {
                    if (parentElement.ValueKind == JsonValueKind.String)
                        parent = parentElement.GetString();
                    else if (parentElement.ValueKind != JsonValueKind.Null)
                        return new TriageRequest(id, null, null, "\"parent\" must be a string or null");
                }
                return new TriageRequest(id, textElement.GetString(), new TriageContext(kind.Value, parent), null);
            }
        }
    }
}
