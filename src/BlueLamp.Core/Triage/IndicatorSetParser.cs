using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlueLamp.Core.Triage;

/// <summary>
/// Reads an indicator set from its JSON file format (see <c>IndicatorSets/default.json</c>). Comments and
/// trailing commas are allowed so administrators can annotate; unknown fields are refused so a typo is not
/// silently ignored.
/// </summary>
public static class IndicatorSetParser
{
    /// <summary>The manifest name of the shipped default set inside BlueLamp.Core.</summary>
    public const string DefaultResourceName = "BlueLamp.Core.Triage.IndicatorSets.default.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <exception cref="InvalidIndicatorSetException">The text is not a usable indicator set; the message says why.</exception>
    public static IndicatorSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Build(Read(() => JsonSerializer.Deserialize<SetFile>(json, Options)));
    }

    /// <exception cref="InvalidIndicatorSetException">The stream is not a usable indicator set; the message says why.</exception>
    public static IndicatorSet Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Build(Read(() => JsonSerializer.Deserialize<SetFile>(json, Options)));
    }

    /// <summary>For an administrator's edit: the set, or what is wrong with it.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out IndicatorSet? set, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            set = Parse(json);
            problem = null;
            return true;
        }
        catch (InvalidIndicatorSetException e)
        {
            set = null;
            problem = e.Message;
            return false;
        }
    }

    /// <summary>The shipped default set's file as text, for an administrator to start from.</summary>
    public static string DefaultJson()
    {
        using var stream = typeof(IndicatorSetParser).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"BlueLamp.Core was built without its default indicator set ({DefaultResourceName}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static IndicatorSet ParseDefault()
    {
        using var stream = typeof(IndicatorSetParser).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"BlueLamp.Core was built without its default indicator set ({DefaultResourceName}).");
        return Parse(stream);
    }

    private static SetFile Read(Func<SetFile?> deserialize)
    {
        try
        {
            return deserialize() ?? throw new InvalidIndicatorSetException("The indicator set file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidIndicatorSetException($"The indicator set is not valid JSON in the expected shape: {e.Message}", e);
        }
    }

    private static IndicatorSet Build(SetFile file)
    {
        var categories = new List<CategoryGrading>();
        foreach (var c in file.Categories ?? [])
        {
            if (!TriageCategoryCodes.TryParse(c.Code, out var category))
                throw new InvalidIndicatorSetException($"Unknown category code '{c.Code}'.");
            categories.Add(new CategoryGrading(category.Value, ToGrade(c.Grade, c.Code ?? ""), c.ImmediateGrade is { } g ? ToGrade(g, c.Code ?? "") : null, c.NeedsAppeal));
        }

        var indicators = new List<Indicator>();
        foreach (var i in file.Indicators ?? [])
        {
            var name = i.Name ?? "";
            var role = ParseRole(i.Role, name);
            TriageCategory? category = null;
            if (i.Category is not null)
            {
                if (!TriageCategoryCodes.TryParse(i.Category, out category))
                    throw new InvalidIndicatorSetException($"Indicator '{name}' names unknown category '{i.Category}'.");
            }
            TriageCategory? requires = null;
            if (i.Requires is not null)
            {
                if (!TriageCategoryCodes.TryParse(i.Requires, out requires))
                    throw new InvalidIndicatorSetException($"Indicator '{name}' requires unknown category '{i.Requires}'.");
            }
            if (!IndicatorCodes.TryParseSubject(i.Subject, out var subject))
                throw new InvalidIndicatorSetException($"Indicator '{name}' has subject '{i.Subject}'; use self, other or child.");
            indicators.Add(new Indicator(
                name, role, category, i.Weight, i.Life, i.Hyperbole, subject,
                i.Grade is { } g ? ToGrade(g, name) : null,
                i.Phrases ?? [],
                requires,
                i.Combines,
                i.Within,
                i.Supporting));
        }

        return new IndicatorSet(
            file.Version ?? "",
            file.LifeAtRiskThreshold,
            file.NegationWindow,
            file.AppealParents ?? [],
            categories,
            indicators,
            file.Languages?.Cy ?? [],
            file.Languages?.En ?? []);
    }

    private static IndicatorRole ParseRole(string? role, string name) => IndicatorCodes.TryParseRole(role, out var parsed)
        ? parsed
        : throw new InvalidIndicatorSetException($"Indicator '{name}' has unknown role '{role}'.");

    private static Grade ToGrade(int value, string owner) => value is >= 1 and <= 4
        ? (Grade)value
        : throw new InvalidIndicatorSetException($"'{owner}' has grade {value}; grades are 1 to 4.");

    private sealed class SetFile
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; set; }

        public string? Version { get; set; }

        public string? Description { get; set; }

        public double LifeAtRiskThreshold { get; set; }

        public int NegationWindow { get; set; }

        public List<string>? AppealParents { get; set; }

        public LanguageWords? Languages { get; set; }

        public List<CategoryEntry>? Categories { get; set; }

        public List<IndicatorEntry>? Indicators { get; set; }
    }

    private sealed class LanguageWords
    {
        public List<string>? Cy { get; set; }

        public List<string>? En { get; set; }
    }

    private sealed class CategoryEntry
    {
        public string? Code { get; set; }

        public int Grade { get; set; }

        public int? ImmediateGrade { get; set; }

        public bool NeedsAppeal { get; set; }
    }

    private sealed class IndicatorEntry
    {
        public string? Name { get; set; }

        public string? Role { get; set; }

        public string? Category { get; set; }

        public double Weight { get; set; }

        public bool Life { get; set; }

        public bool Hyperbole { get; set; }

        public string? Subject { get; set; }

        public int? Grade { get; set; }

        public List<string>? Phrases { get; set; }

        public string? Requires { get; set; }

        public List<string>? Combines { get; set; }

        public int Within { get; set; }

        public bool Supporting { get; set; }

        public string? Note { get; set; }
    }
}
