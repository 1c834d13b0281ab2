using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BlueLamp.Simulator.Meta;

/// <summary>Cursor paging as Graph does it: {"data":[…],"paging":{"cursors":{"before","after"},"next"}}.</summary>
public static class GraphPage
{
    public const int DefaultLimit = 25;

    public static Dictionary<string, object?> Of<T>(IReadOnlyList<T> items, Func<T, object?> render, int limit, string? after, HttpRequest? request)
    {
        var start = Decode(after);
        var page = items.Skip(start).Take(limit).ToList();
        var result = new Dictionary<string, object?> { ["data"] = page.Select(render).ToList() };
        if (page.Count == 0)
        {
            return result;
        }
        var paging = new Dictionary<string, object?>
        {
            ["cursors"] = new { before = Encode(start), after = Encode(start + page.Count) },
        };
        if (start + page.Count < items.Count && request is not null)
        {
            var query = request.Query.Where(q => q.Key != "after").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"after={Uri.EscapeDataString(Encode(start + page.Count))}");
            paging["next"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', query)}";
        }
        result["paging"] = paging;
        return result;
    }

    public static int LimitFrom(string? text, int fallback = DefaultLimit) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? Math.Min(limit, 100) : fallback;

    // Opaque like Meta's, but just an offset underneath.
    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(7), CultureInfo.InvariantCulture, out var offset) ? Math.Max(0, offset) : 0;
        }
        catch (FormatException)
        {
            return 0;
        }
    }
}
