using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueLamp.Core.Triage;

/// <summary>
/// An indicator set being edited one indicator at a time. Immutable: every edit is checked (its fields first, then the
/// whole set as <see cref="IndicatorSetParser"/> would load it) and gives a new draft, or the problems by field and
/// no draft, so a bad edit changes nothing. Everything the file holds besides the indicator edited (thresholds,
/// gradings, language words, notes) is kept as it was; the file's comments are not, as JSON has no place for them.
/// </summary>
public sealed class IndicatorSetDraft
{
    /// <summary>Field names used in <see cref="Edit.Errors"/>.</summary>
    public static class Fields
    {
        public const string Name = "name";
        public const string Role = "role";
        public const string Category = "category";
        public const string Weight = "weight";
        public const string Subject = "subject";
        public const string Grade = "grade";
        public const string Phrases = "phrases";
        public const string Requires = "requires";
        public const string Combines = "combines";
        public const string Version = "version";
        public const string Set = "";
    }

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject root;

    private IndicatorSetDraft(JsonObject root, IndicatorSet set)
    {
        this.root = root;
        Set = set;
        Indicators = set.Indicators.Select((indicator, i) => ToDraft(indicator, NoteAt(i))).ToArray();
    }

    /// <summary>The set as it stands, compiled: what the "try it" box assesses with.</summary>
    public IndicatorSet Set { get; }

    public string Version => Set.Version;

    /// <summary>The indicators in the file's order.</summary>
    public IReadOnlyList<IndicatorDraft> Indicators { get; }

    /// <summary>Opens <paramref name="json"/> (an indicator set file) for editing, or says why it cannot be.</summary>
    public static bool TryOpen(string json, [NotNullWhen(true)] out IndicatorSetDraft? draft, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        draft = null;
        if (!IndicatorSetParser.TryParse(json, out var set, out problem))
            return false;
        if (JsonNode.Parse(json, documentOptions: ReadOptions) is not JsonObject root || root["indicators"] is not JsonArray)
        {
            problem = "The indicator set has no list of indicators.";
            return false;
        }
        draft = new IndicatorSetDraft(root, set);
        return true;
    }

    public IndicatorDraft? Find(string name) => Indicators.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// Adds <paramref name="indicator"/> (when <paramref name="replacing"/> is null) or puts it in place of the indicator
    /// named <paramref name="replacing"/>, which may so be renamed (combinations that named it follow the new name).
    /// </summary>
    public Edit Put(string? replacing, IndicatorDraft indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var index = replacing is null ? -1 : IndexOf(replacing);
        if (replacing is not null && index < 0)
            return Edit.Refused(Fields.Name, $"There is no indicator '{replacing}' any more; it may have been removed.");
        var errors = Check(indicator, replacing);
        if (errors.Count > 0)
            return new Edit(null, errors);

        var next = (JsonObject)root.DeepClone();
        var list = (JsonArray)next["indicators"]!;
        var node = ToNode(indicator);
        if (index < 0)
            list.Add(node);
        else
            list[index] = node;
        if (replacing is not null && !string.Equals(replacing, indicator.Name, StringComparison.Ordinal))
            RenameInCombinations(list, replacing, indicator.Name);
        return Compile(next, ProblemField);
    }

    /// <summary>Removes the indicator named <paramref name="name"/>; refused while a combination still uses it.</summary>
    public Edit Remove(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
            return Edit.Refused(Fields.Name, $"There is no indicator '{name}'.");
        var users = Indicators.Where(i => i.Combines.Contains(name, StringComparer.Ordinal)).Select(i => i.Name).ToList();
        if (users.Count > 0)
            return Edit.Refused(Fields.Name, $"'{name}' is part of {string.Join(", ", users)}: change or remove {(users.Count == 1 ? "that combination" : "those combinations")} first.");
        var next = (JsonObject)root.DeepClone();
        ((JsonArray)next["indicators"]!).RemoveAt(index);
        return Compile(next, _ => Fields.Set);
    }

    /// <summary>The same set under another version, as saving needs.</summary>
    public Edit WithVersion(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
            return Edit.Refused(Fields.Version, "Give the set a version, e.g. 2026.11-1.");
        if (version.Trim().Length > 64)
            return Edit.Refused(Fields.Version, "Keep the version to 64 characters.");
        var next = (JsonObject)root.DeepClone();
        next["version"] = version.Trim();
        return Compile(next, _ => Fields.Version);
    }

    /// <summary>The set as a file, indented, for saving and for the advanced editor.</summary>
    public string ToJson() => root.ToJsonString(WriteOptions);

    /// <summary>A version that is likely new: the last number in <paramref name="version"/> plus one, or "-2" added.</summary>
    public static string NextVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var end = version.Length;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(version[start - 1]))
            start--;
        if (start == end || end - start > 9)
            return version + "-2";
        var number = int.Parse(version.AsSpan(start, end - start), CultureInfo.InvariantCulture) + 1;
        return version[..start] + number.ToString(CultureInfo.InvariantCulture);
    }

    private Edit Compile(JsonObject next, Func<string, string> fieldOf)
    {
        var json = next.ToJsonString(WriteOptions);
        return IndicatorSetParser.TryParse(json, out var set, out var problem)
            ? new Edit(new IndicatorSetDraft(next, set), new Dictionary<string, string>())
            : Edit.Refused(fieldOf(problem), $"Not changed: {problem}");
    }

    private Dictionary<string, string> Check(IndicatorDraft indicator, string? replacing)
    {
        var errors = new Dictionary<string, string>();
        var name = indicator.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors[Fields.Name] = "Give the indicator a name, e.g. suicide.cant_go_on.";
        else if (name.Length > 100 || name.Any(char.IsWhiteSpace))
            errors[Fields.Name] = "A name is one word of at most 100 characters, parts joined by dots or underscores (e.g. suicide.cant_go_on).";
        else if (!string.Equals(name, replacing, StringComparison.Ordinal) && IndexOf(name) >= 0)
            errors[Fields.Name] = $"'{name}' is already an indicator of this set; choose another name.";

        if (!IndicatorCodes.TryParseRole(indicator.Role, out var role))
            errors[Fields.Role] = "Choose what the indicator does.";
        if (role == IndicatorRole.Category && string.IsNullOrEmpty(indicator.Category))
            errors[Fields.Category] = "Choose the category this indicator is evidence for.";
        else if (indicator.Category is not null && !TriageCategoryCodes.TryParse(indicator.Category, out _))
            errors[Fields.Category] = $"'{indicator.Category}' is not a category.";
        if (indicator.Requires is not null && !TriageCategoryCodes.TryParse(indicator.Requires, out _))
            errors[Fields.Requires] = $"'{indicator.Requires}' is not a category.";
        if (double.IsNaN(indicator.Weight) || indicator.Weight is < 0 or > 1)
            errors[Fields.Weight] = "A weight is between 0 and 1, e.g. 0.6.";
        if (!IndicatorCodes.TryParseSubject(indicator.Subject, out _))
            errors[Fields.Subject] = "Whom it says is at risk: self, other or child, or leave it empty.";
        if (indicator.Grade is < 1 or > 4)
            errors[Fields.Grade] = "A grade is 1 to 4, or leave it empty.";

        if (indicator.IsCombination)
        {
            if (indicator.Phrases.Count > 0)
                errors[Fields.Phrases] = "A combination has no phrases of its own: it fires on the indicators it combines.";
            if (indicator.Within is < 2 or > 24)
                errors[Fields.Combines] = "Say within how many words (2 to 24) the parts must be found.";
        }
        else if (indicator.Phrases.Count == 0)
        {
            errors[Fields.Phrases] = "Write at least one phrase, one a line.";
        }
        else
        {
            for (var i = 0; i < indicator.Phrases.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(indicator.Phrases[i]))
                {
                    errors[Fields.Phrases] = $"Phrase {i + 1} is empty: write it or remove the line.";
                    break;
                }
            }
        }
        return errors;
    }

    /// <summary>Which field a problem the whole-set check found belongs to, by what it speaks of.</summary>
    private static string ProblemField(string problem) =>
        problem.Contains("phrase", StringComparison.OrdinalIgnoreCase) || problem.Contains("'*'", StringComparison.Ordinal) ? Fields.Phrases
        : problem.Contains("combin", StringComparison.OrdinalIgnoreCase) || problem.Contains("within", StringComparison.OrdinalIgnoreCase) ? Fields.Combines
        : problem.Contains("supporting", StringComparison.OrdinalIgnoreCase) || problem.Contains("requires", StringComparison.OrdinalIgnoreCase) ? Fields.Requires
        : problem.Contains("weight", StringComparison.OrdinalIgnoreCase) ? Fields.Weight
        : problem.Contains("categor", StringComparison.OrdinalIgnoreCase) ? Fields.Category
        : Fields.Set;

    private int IndexOf(string name)
    {
        for (var i = 0; i < Indicators.Count; i++)
        {
            if (string.Equals(Indicators[i].Name, name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    private string? NoteAt(int index) =>
        root["indicators"] is JsonArray list && index < list.Count && list[index] is JsonObject node
            && node.FirstOrDefault(p => string.Equals(p.Key, "note", StringComparison.OrdinalIgnoreCase)).Value is JsonValue note
            && note.TryGetValue<string>(out var text) ? text : null;

    private static void RenameInCombinations(JsonArray list, string from, string to)
    {
        foreach (var node in list.OfType<JsonObject>())
        {
            var combines = node.FirstOrDefault(p => string.Equals(p.Key, "combines", StringComparison.OrdinalIgnoreCase)).Value as JsonArray;
            for (var i = 0; combines is not null && i < combines.Count; i++)
            {
                if (combines[i] is JsonValue part && part.TryGetValue<string>(out var text) && string.Equals(text, from, StringComparison.Ordinal))
                    combines[i] = to;
            }
        }
    }

    private static IndicatorDraft ToDraft(Indicator indicator, string? note) => new(
        indicator.Name,
        indicator.Role.ToCode(),
        indicator.Category?.ToCode(),
        indicator.Weight,
        indicator.LifeThreatening,
        indicator.Hyperbole,
        indicator.Supporting,
        indicator.Subject.ToCode(),
        indicator.Grade is { } grade ? (int)grade : null,
        indicator.Phrases,
        indicator.Requires?.ToCode(),
        indicator.Combines ?? [],
        indicator.Within,
        note);

    /// <summary>The indicator as the file writes one: what is not set is left out.</summary>
    private static JsonObject ToNode(IndicatorDraft indicator)
    {
        var node = new JsonObject { ["name"] = indicator.Name.Trim() };
        if (indicator.Role != IndicatorRole.Category.ToCode())
            node["role"] = indicator.Role;
        if (indicator.Category is not null)
            node["category"] = indicator.Category;
        if (indicator.Supporting)
            node["supporting"] = true;
        node["weight"] = Math.Round(indicator.Weight, 4);
        if (indicator.Life)
            node["life"] = true;
        if (indicator.Hyperbole)
            node["hyperbole"] = true;
        if (indicator.Subject is not null)
            node["subject"] = indicator.Subject;
        if (indicator.Grade is { } grade)
            node["grade"] = grade;
        if (indicator.Requires is not null)
            node["requires"] = indicator.Requires;
        if (indicator.IsCombination)
        {
            node["combines"] = new JsonArray(indicator.Combines.Select(c => (JsonNode?)JsonValue.Create(c.Trim())).ToArray());
            node["within"] = indicator.Within;
        }
        if (!string.IsNullOrWhiteSpace(indicator.Note))
            node["note"] = indicator.Note.Trim();
        if (!indicator.IsCombination)
            node["phrases"] = new JsonArray(indicator.Phrases.Select(p => (JsonNode?)JsonValue.Create(p.Trim())).ToArray());
        return node;
    }

    /// <summary>The result of an edit: the new draft, or what is wrong by field (and no draft).</summary>
    public sealed record Edit(IndicatorSetDraft? Draft, IReadOnlyDictionary<string, string> Errors)
    {
        [MemberNotNullWhen(true, nameof(Draft))]
        public bool Succeeded => Draft is not null;

        public static Edit Refused(string field, string error) => new(null, new Dictionary<string, string> { [field] = error });
    }
}
