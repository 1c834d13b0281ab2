using System.Buffers;
using System.Text;

namespace BlueLamp.Core.Triage;

/// <summary>
/// Normalises text once into word and emoji tokens, the same way for indicator phrases and for messages:
/// lower case, accents folded (Welsh ŵ and ŷ too), apostrophes dropped inside words ("can't" → "cant") except
/// Welsh 'n, 'r, 'i and 'u, which are the words "yn", "yr", "ei" and "eu" ("mae'n" → "mae yn", "llyncu'r" → "llyncu yr"),
/// runs of three or more letters squeezed ("sooo" → "so", "helllp" → "help"), emoji as tokens of their own
/// with skin tones and variation selectors dropped. Punctuation between tokens marks a clause boundary.
/// </summary>
internal static class TriageText
{
    public static void Tokenize(ReadOnlySpan<char> text, TriageScratch scratch)
    {
        scratch.CharCount = 0;
        scratch.TokenCount = 0;
        var wordStart = -1;
        var wordEnd = 0;
        var normStart = 0;
        var boundary = false;
        var sentence = false;
        var last = '\0';
        var run = 0;
        var tagged = false;

        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
            var at = i;
            i += consumed;
            if (status != OperationStatus.Done)
            {
                EndWord(scratch);
                continue;
            }

            var value = rune.Value;
            if (rune.IsBmp && Rune.IsLetterOrDigit(rune))
            {
                var c = Fold(char.ToLowerInvariant((char)value));
                if (wordStart < 0)
                {
                    wordStart = at;
                    // "@jess_m92", "#Saltmarsh", "@harbourvalepolice.bsky.social": a handle or a tag, and the words joined to it.
                    var before = at > 0 ? text[at - 1] : ' ';
                    tagged = before is '@' or '#'
                        || (before is '_' or '.' or '-' && scratch.TokenCount > 0 && scratch.Tokens[scratch.TokenCount - 1].Tagged
                            && scratch.Tokens[scratch.TokenCount - 1].End == at - 1);
                    normStart = scratch.CharCount;
                    last = '\0';
                    run = 0;
                }
                wordEnd = i;
                if (c == last && char.IsLetter(c))
                {
                    run++;
                    // Squeeze "sooo" to "so": no English or Welsh word has three of a letter in a row.
                    // Digits are left alone: 999 and 111 mean something.
                    if (run == 3)
                        scratch.CharCount--;
                    if (run >= 3)
                        continue;
                }
                else
                {
                    last = c;
                    run = 1;
                }
                scratch.AppendChar(c);
            }
            else if (wordStart >= 0 && IsApostrophe(value) && WelshClitic(text, i) is { } clitic)
            {
                // Welsh "mae'n", "o'n", "hi'n": the 'n is the word "yn", so "mae o'n fy nghuro" reads like "mae o yn fy nghuro";
                // "llyncu'r", "i'r", "ydi'r": the 'r is the article "yr", so "wedi llyncu'r tabledi" reads "wedi llyncu yr tabledi".
                EndWord(scratch);
                var start = scratch.CharCount;
                foreach (var c in clitic)
                    scratch.AppendChar(c);
                scratch.AddToken(start, clitic.Length, at, i + 1, boundary, sentence);
                boundary = false;
                sentence = false;
                i++;
            }
            else if (wordStart >= 0 && IsApostrophe(value))
            {
                // Inside a word: "can't" and "cant" are the same word on social media.
            }
            else if (IsIgnorable(value))
            {
                // Variation selectors, joiners and skin tones change how an emoji looks, not what it says.
            }
            else if (IsEmoji(rune))
            {
                EndWord(scratch);
                var start = scratch.CharCount;
                if (rune.IsBmp)
                {
                    scratch.AppendChar((char)value);
                }
                else
                {
                    scratch.AppendChar(text[at]);
                    scratch.AppendChar(text[at + 1]);
                }
                scratch.AddToken(start, scratch.CharCount - start, at, i, boundary, sentence);
                boundary = false;
                sentence = false;
            }
            else
            {
                EndWord(scratch);
                if (IsClauseBreak(value))
                    boundary = true;
                if (IsSentenceBreak(value))
                    sentence = true;
                if (value == '?' && scratch.TokenCount > 0)
                    scratch.Tokens[scratch.TokenCount - 1].EndsQuestion = true;
            }
        }
        EndWord(scratch);

        void EndWord(TriageScratch s)
        {
            if (wordStart < 0)
                return;
            if (WelshForm(s.Chars.AsSpan(normStart, s.CharCount - normStart)) is { } form)
            {
                s.CharCount = normStart;
                foreach (var c in form)
                    s.AppendChar(c);
            }
            var tokens = s.TokenCount;
            s.AddToken(normStart, s.CharCount - normStart, wordStart, wordEnd, boundary, sentence);
            if (s.TokenCount > tokens)
                s.Tokens[tokens].Tagged = tagged;
            boundary = false;
            sentence = false;
            wordStart = -1;
        }
    }

    /// <summary>The normalised tokens of a phrase, for building the matcher.</summary>
    public static List<string> Words(string phrase)
    {
        var scratch = new TriageScratch();
        Tokenize(phrase, scratch);
        var words = new List<string>(scratch.TokenCount);
        for (var t = 0; t < scratch.TokenCount; t++)
            words.Add(new string(scratch.TokenChars(t)));
        return words;
    }

    private static char Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ò' or 'ó' or 'ô' or 'ö' or 'õ' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'ŵ' or 'ẁ' or 'ẃ' or 'ẅ' => 'w',
        'ŷ' or 'ý' or 'ÿ' or 'ỳ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    };

    /// <summary>
    /// New in 1.9.0: one form for a Welsh word written differently north and south or spoken and written, so a phrase in
    /// one form matches the others and the model reads them as one word: "moyn", "isie", "ishe" (south) and "eisiau" (written)
    /// read as "isio" (north); "nawr" (south) as "rwan" (north, "rŵan"); the spoken "di" as "wedi" ("dwi 'di cymryd nhw").
    /// None of them is an English word.
    /// </summary>
    private static string? WelshForm(ReadOnlySpan<char> word) => word switch
    {
        "moyn" or "isie" or "ishe" or "eisiau" => "isio",
        "nawr" => "rwan",
        "di" => "wedi",
        _ => null,
    };

    /// <summary>
    /// The Welsh word a clitic after an apostrophe stands for, when the apostrophe is followed by that one letter and the
    /// word ends: 'n is "yn", 'r is "yr", 'i is "ei" ("wedi'i gweld"), 'u is "eu"; otherwise null.
    /// </summary>
    private static string? WelshClitic(ReadOnlySpan<char> text, int afterApostrophe)
    {
        if (afterApostrophe >= text.Length || (afterApostrophe + 1 < text.Length && char.IsLetterOrDigit(text[afterApostrophe + 1])))
            return null;
        return char.ToLowerInvariant(text[afterApostrophe]) switch
        {
            'n' => "yn",
            'r' => "yr",
            'i' => "ei",
            'u' => "eu",
            _ => null,
        };
    }

    private static bool IsApostrophe(int value) => value is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`';

    private static bool IsIgnorable(int value) =>
        value is 0xFE0F or 0xFE0E or 0x200D or 0x20E3 || (value >= 0x1F3FB && value <= 0x1F3FF);

    private static bool IsEmoji(Rune rune)
    {
        var value = rune.Value;
        if (value >= 0x1F000 && value <= 0x1FAFF)
            return true;
        if (value >= 0x2600 && value <= 0x27BF)
            return true;
        return Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.OtherSymbol;
    }

    private static bool IsSentenceBreak(int value) => value is '.' or '!' or '?' or '\n' or '\r';

    private static bool IsClauseBreak(int value) => value is '.' or ',' or '!' or '?' or ';' or ':' or '\n' or '\r';
}
