namespace BlueLamp.Simulator.Meta;

/// <summary>
/// A parsed Graph "fields" parameter such as "messages.limit(5){id,message,from},updated_time": which fields
/// to return, their sub-fields and any .limit(n). Graph returns only what was asked for, or a few defaults.
/// </summary>
public sealed class GraphFields
{
    private readonly Dictionary<string, GraphFields?> fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> limits = new(StringComparer.Ordinal);

    public bool IsEmpty => fields.Count == 0;

    public static GraphFields Parse(string? text)
    {
        var position = 0;
        return ParseList(text ?? "", ref position);
    }

    public static GraphFields Of(params string[] names)
    {
        var result = new GraphFields();
        foreach (var name in names)
        {
            result.fields[name] = null;
        }
        return result;
    }

    /// <summary>The asked-for fields, or the given defaults when none were asked for.</summary>
    public GraphFields OrDefaults(params string[] names) => IsEmpty ? Of(names) : this;

    public bool Has(string name) => fields.ContainsKey(name);

    public GraphFields? SubFields(string name) => fields.GetValueOrDefault(name);

    public int? LimitOf(string name) => limits.TryGetValue(name, out var limit) ? limit : null;

    /// <summary>Only the fields asked for, with "id" last as Graph writes it; absent values are left out.</summary>
    public Dictionary<string, object?> Select(IReadOnlyDictionary<string, Func<object?>> available)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in fields.Keys.OrderBy(n => n == "id" ? 1 : 0))
        {
            if (available.TryGetValue(name, out var value) && value() is { } present)
            {
                result[name] = present;
            }
        }
        return result;
    }

    private static GraphFields ParseList(string text, ref int position)
    {
        var result = new GraphFields();
        while (position < text.Length && text[position] != '}')
        {
            var start = position;
            while (position < text.Length && text[position] is not (',' or '{' or '}' or '.'))
            {
                position++;
            }
            var name = text[start..position].Trim();
            int? limit = null;
            while (position < text.Length && text[position] == '.')
            {
                var open = text.IndexOf('(', position);
                var close = text.IndexOf(')', position);
                if (open < 0 || close < open)
                {
                    break;
                }
                var modifier = text[(position + 1)..open];
                if (modifier == "limit" && int.TryParse(text.AsSpan(open + 1, close - open - 1), out var parsed))
                {
                    limit = parsed;
                }
                position = close + 1;
            }
            GraphFields? sub = null;
            if (position < text.Length && text[position] == '{')
            {
                position++;
                sub = ParseList(text, ref position);
                position++; // the closing brace
            }
            if (name.Length > 0)
            {
                result.fields[name] = sub;
                if (limit is { } n)
                {
                    result.limits[name] = n;
                }
            }
            if (position < text.Length && text[position] == ',')
            {
                position++;
            }
        }
        return result;
    }
}
