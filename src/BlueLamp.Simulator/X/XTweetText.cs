using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BlueLamp.Simulator.X;

/// <summary>
/// How X counts a post's length: most Latin, Greek and Cyrillic code points weigh 1, everything else
/// (CJK, emoji) weighs 2, and every URL counts as 23, against a limit of 280.
/// </summary>
public static partial class XTweetText
{
    public const int MaxWeightedLength = 280;
    private const int UrlWeight = 23;

    public static int WeightedLength(string text)
    {
        var total = 0;
        var rest = UrlPattern().Replace(text, match =>
        {
            total += UrlWeight;
            return "";
        });
        // An emoji with modifiers or joiners is one grapheme and counts 2, like a single emoji.
        var graphemes = StringInfo.GetTextElementEnumerator(rest);
        while (graphemes.MoveNext())
        {
            var element = (string)graphemes.Current;
            var first = Rune.GetRuneAt(element, 0).Value;
            total += IsLight(first) && element.EnumerateRunes().All(r => IsLight(r.Value)) ? element.EnumerateRunes().Count() : 2;
        }
        return total;
    }

    private static bool IsLight(int codePoint) =>
        codePoint is (>= 0 and <= 4351) or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247);

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
