using System.Globalization;
using System.Text;
using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.X;

/// <summary>
/// Counts a post's length as X does (twitter-text configuration v3): after NFC normalisation each code point in
/// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weighs 1, every other code point 2, an emoji
/// (including a whole skin-tone or family sequence) 2, and every link 23 whatever its length. The limit is 280.
/// </summary>
public static class XTextLength
{
    public const int Limit = 280;

    public const int LinkWeight = 23;

    private const int DefaultWeight = 2;

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC);
        var total = 0;
        var position = 0;
        foreach (var (start, length, _) in TextLinks.Find(normalized))
        {
            total += CountPlain(normalized[position..start]) + LinkWeight;
            position = start + length;
        }
        return total + CountPlain(normalized[position..]);
    }

    public static TextLengthCheck Check(string text) => new(Count(text), Limit, "characters", "X");

    private static int CountPlain(string text)
    {
        var total = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (IsEmoji(element))
            {
                total += DefaultWeight;
                continue;
            }
            foreach (var rune in element.EnumerateRunes())
                total += Weight(rune.Value);
        }
        return total;
    }

    private static int Weight(int codePoint) => codePoint switch
    {
        <= 0x10FF => 1,
        >= 0x2000 and <= 0x200D => 1,
        >= 0x2010 and <= 0x201F => 1,
        >= 0x2032 and <= 0x2037 => 1,
        _ => DefaultWeight,
    };

    // twitter-text counts each emoji sequence once; a grapheme cluster is an emoji when it holds a pictograph or is
    // forced into emoji presentation (U+FE0F) or is a keycap (U+20E3).
    private static bool IsEmoji(string element)
    {
        if (element.Length == 1)
            return false;
        foreach (var rune in element.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is 0xFE0F or 0x20E3 or (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF))
                return true;
        }
        return false;
    }
}
