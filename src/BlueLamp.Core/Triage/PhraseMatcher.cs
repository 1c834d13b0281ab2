namespace BlueLamp.Core.Triage;

/// <summary>
/// All phrases of an indicator set compiled into one word trie, so a message is matched in a single pass
/// over its tokens whatever the number of indicators. At each token it keeps the longest phrase that starts
/// there; words are looked up once per token, by exact word and by the few prefixes (<c>overdos*</c>) in use.
/// A lone <c>*</c> in a phrase stands for any one word ("waited * hours"); <c>~word</c> stands for a Welsh word
/// with any of its initial mutations; a lone <c>#</c> stands for any number ("took # pills").
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<string, int> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> wordLookup;
    private readonly Dictionary<string, int> prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;
    private readonly Dictionary<long, int> edges = [];
    private readonly Dictionary<string, long> deletions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> deletionLookup;
    private const int FuzzyMinLength = 7;
    private const int FuzzyMaxLength = 40;
    private const long Ambiguous = -1;
    private const int AnyWord = int.MaxValue;
    private const int AnyNumber = int.MaxValue - 1;

    private readonly List<int> terminals = [-1];
    private readonly List<bool> hasAnyWordEdge = [false];
    private readonly List<sbyte> wordLanguage = [];
    private readonly List<string> texts = [];
    private int[] prefixLengths = [];
    private int nextSymbol;

    public PhraseMatcher()
    {
        wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        deletionLookup = deletions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Indexes every long word of the set by each of its one-letter deletions, so that a long word in a message
    /// that is one slip from it (a letter missing, extra, swapped with its neighbour or, in words of nine letters
    /// or more, replaced: "suicidle", "paracetomol", "drownding") reads as that word. A slip in the last letter is
    /// not one ("strangle" is not "strangled"), and a word two known words are one slip from is left alone.
    /// Call once, after the last phrase.
    /// </summary>
    public void IndexSlips()
    {
        deletions.Clear();
        Span<char> buffer = stackalloc char[FuzzyMaxLength];
        foreach (var (word, id) in words)
        {
            if (word.Length < FuzzyMinLength || word.Length > FuzzyMaxLength || !IsLetters(word))
                continue;
            for (var at = 0; at < word.Length; at++)
            {
                var key = new string(Delete(word, at, buffer));
                var value = ((long)id << 8) | (uint)at;
                deletions[key] = deletions.TryGetValue(key, out var existing) && (existing >> 8) != id ? Ambiguous : value;
            }
        }
    }

    /// <summary>The word one slip from this unknown word, or -1 when there is none or more than one.</summary>
    private int OneSlipFrom(ReadOnlySpan<char> token)
    {
        if (!IsLetters(token))
            return -1;
        // A letter missing from the message's word: the word is a deletion of a known word.
        // Not the last letter: "strangle" and "strangled", "tablet" and "tablets" are different forms, not slips.
        if (deletionLookup.TryGetValue(token, out var missing))
            return missing == Ambiguous || (int)(missing & 0xFF) == token.Length ? -1 : (int)(missing >> 8);
        Span<char> buffer = stackalloc char[FuzzyMaxLength];
        var found = -1;
        for (var at = 0; at < token.Length; at++)
        {
            var deleted = Delete(token, at, buffer);
            // An extra letter in the message's word (again, not at the end).
            if (at < token.Length - 1 && wordLookup.TryGetValue(deleted, out var id))
                found = Agree(found, id);
            // A letter swapped with its neighbour, or (in long words) replaced: both words lose a letter at (nearly) the same place.
            else if (deletionLookup.TryGetValue(deleted, out var slip) && slip != Ambiguous && Math.Abs((int)(slip & 0xFF) - at) <= 1
                && IsSwapOrLongReplacement(token, texts[(int)(slip >> 8)]))
            {
                found = Agree(found, (int)(slip >> 8));
            }
            if (found == -2)
                return -1;
        }
        return found < 0 ? -1 : found;
    }

    /// <summary>
    /// New in engine 1.6.0: an unknown word that is a known word of three letters or more with an -s added reads as that
    /// word ("baseball bats" as "baseball bat", "blokes" as "bloke"), so a set need not list every plural. A known word is
    /// always read as itself ("its", "lives"), and "-ss" is not a plural.
    /// </summary>
    private int PluralOf(ReadOnlySpan<char> token)
    {
        if (token.Length < 4 || token[^1] != 's' || token[^2] == 's' || !IsLetters(token))
            return -1;
        return wordLookup.TryGetValue(token[..^1], out var id) ? id : -1;
    }

    private static int Agree(int found, int id) => found == -1 || found == id ? id : -2;

    private static bool IsSwapOrLongReplacement(ReadOnlySpan<char> token, string word)
    {
        if (token.Length != word.Length)
            return false;
        var first = -1;
        var differences = 0;
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == word[i])
                continue;
            if (++differences > 2)
                return false;
            if (first < 0)
                first = i;
        }
        return differences switch
        {
            1 => token.Length >= 9 && first < token.Length - 1,
            2 => token[first] == word[first + 1] && token[first + 1] == word[first],
            _ => false,
        };
    }

    private static ReadOnlySpan<char> Delete(ReadOnlySpan<char> word, int at, Span<char> buffer)
    {
        word[..at].CopyTo(buffer);
        word[(at + 1)..].CopyTo(buffer[at..]);
        return buffer[..(word.Length - 1)];
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
                return false;
        }
        return true;
    }

    /// <summary>Marks a word as a sign of Welsh (+1) or English (-1).</summary>
    public void AddLanguageWord(string word, sbyte language)
    {
        foreach (var w in TriageText.Words(word))
            wordLanguage[WordSymbol(w)] = language;
    }

    /// <summary>Adds one phrase (in the indicator set's phrase syntax) for an indicator. Returns an error in words, or null.</summary>
    public string? AddPhrase(string phrase, int indicator, Func<int, string> nameOf)
    {
        var groups = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (groups.Length == 0)
            return "a phrase is empty";
        var sequences = new List<List<int>> { new() };
        foreach (var rawGroup in groups)
        {
            var optional = rawGroup.Length > 1 && rawGroup.EndsWith('?');
            var group = optional ? rawGroup[..^1] : rawGroup;
            var alternatives = new List<List<int>>();
            if (optional)
                alternatives.Add([]);
            if (group == "*")
            {
                alternatives.Add([AnyWord]);
                group = "";
            }
            else if (group == "#")
            {
                alternatives.Add([AnyNumber]);
                group = "";
            }
            foreach (var written in group.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var mutates = written.Length > 1 && written.StartsWith('~');
                var alternative = mutates ? written[1..] : written;
                var isPrefix = alternative.Length > 1 && alternative.EndsWith('*');
                var tokens = TriageText.Words(isPrefix ? alternative[..^1] : alternative);
                if (tokens.Count == 0)
                    return $"'{written}' in phrase '{phrase}' has no words";
                foreach (var head in mutates ? WelshMutations(tokens[0]) : [tokens[0]])
                {
                    var symbols = new List<int>(tokens.Count);
                    for (var t = 0; t < tokens.Count; t++)
                    {
                        var word = t == 0 ? head : tokens[t];
                        symbols.Add(isPrefix && t == tokens.Count - 1 ? PrefixSymbol(word) : WordSymbol(word));
                    }
                    alternatives.Add(symbols);
                }
            }
            var grown = new List<List<int>>(sequences.Count * alternatives.Count);
            foreach (var sequence in sequences)
                foreach (var alternative in alternatives)
                    grown.Add([.. sequence, .. alternative]);
            sequences = grown;
            if (sequences.Count > 4096)
                return $"phrase '{phrase}' expands to too many variants; split it";
        }

        foreach (var sequence in sequences)
        {
            if (sequence.Count == 0)
                continue;
            if (sequence[0] == AnyWord || sequence[^1] == AnyWord)
                return $"phrase '{phrase}' starts or ends with '*'; a wildcard word must stand between two words";
            var node = 0;
            foreach (var symbol in sequence)
            {
                var key = Key(node, symbol);
                if (!edges.TryGetValue(key, out var child))
                {
                    child = terminals.Count;
                    terminals.Add(-1);
                    hasAnyWordEdge.Add(false);
                    edges[key] = child;
                    if (symbol == AnyWord)
                        hasAnyWordEdge[node] = true;
                }
                node = child;
            }
            var existing = terminals[node];
            if (existing >= 0 && existing != indicator)
                return $"phrase '{phrase}' is also a phrase of '{nameOf(existing)}'; a phrase may belong to one indicator only";
            terminals[node] = indicator;
        }
        return null;
    }

    /// <summary>Looks every token up once: its word symbol, its prefix symbols and its language.</summary>
    public (int Welsh, int English) Resolve(TriageScratch scratch)
    {
        var welsh = 0;
        var english = 0;
        for (var t = 0; t < scratch.TokenCount; t++)
        {
            ref var token = ref scratch.Tokens[t];
            var chars = scratch.Chars.AsSpan(token.NormStart, token.NormLength);
            if (wordLookup.TryGetValue(chars, out var id))
            {
                token.WordId = id;
                var language = wordLanguage[id];
                if (language > 0)
                    welsh++;
                else if (language < 0)
                    english++;
            }
            else if (PluralOf(chars) is var stem && stem >= 0)
            {
                token.WordId = stem;
            }
            else if (chars.Length >= FuzzyMinLength && chars.Length <= FuzzyMaxLength)
            {
                token.WordId = OneSlipFrom(chars);
            }
            if (IsNumber(chars))
                token.Prefix2 = AnyNumber;
            foreach (var length in prefixLengths)
            {
                if (length > chars.Length)
                    break;
                if (prefixLookup.TryGetValue(chars[..length], out var prefix))
                {
                    if (token.Prefix1 < 0)
                        token.Prefix1 = prefix;
                    else
                        token.Prefix2 = prefix;
                }
            }
        }
        return (welsh, english);
    }

    /// <summary>
    /// Finds, at each token, the longest phrase starting there — and, new in engine 1.6.0, also the longest phrase of a
    /// part indicator (<paramref name="isPart"/>: a concept or a means) starting there when a longer phrase of another
    /// indicator won the token, so that a part is always seen by the combinations ("freezing" inside "freezing cold",
    /// "walking" inside "walking towards").
    /// </summary>
    public void Match(TriageScratch scratch, ReadOnlySpan<bool> isPart)
    {
        scratch.HitCount = 0;
        for (var start = 0; start < scratch.TokenCount; start++)
        {
            var best = new Best(-1, -1, -1, -1);
            Walk(scratch, 0, start, isPart, ref best);
            if (best.Indicator >= 0)
                scratch.AddHit(best.Indicator, start, best.End);
            if (best.Part >= 0 && best.Part != best.Indicator)
                scratch.AddHit(best.Part, start, best.PartEnd);
        }
    }

    /// <summary>The longest phrase found from one start token, and the longest phrase of a part indicator.</summary>
    private record struct Best(int Indicator, int End, int Part, int PartEnd);

    private void Walk(TriageScratch scratch, int node, int position, ReadOnlySpan<bool> isPart, ref Best best)
    {
        if (position >= scratch.TokenCount)
            return;
        ref readonly var token = ref scratch.Tokens[position];
        Step(scratch, node, token.WordId, position, isPart, ref best);
        Step(scratch, node, token.Prefix1, position, isPart, ref best);
        Step(scratch, node, token.Prefix2, position, isPart, ref best);
        if (hasAnyWordEdge[node])
            Step(scratch, node, AnyWord, position, isPart, ref best);
    }

    private void Step(TriageScratch scratch, int node, int symbol, int position, ReadOnlySpan<bool> isPart, ref Best best)
    {
        if (symbol < 0 || !edges.TryGetValue(Key(node, symbol), out var child))
            return;
        var terminal = terminals[child];
        if (terminal >= 0 && position > best.End)
            best = best with { Indicator = terminal, End = position };
        if (terminal >= 0 && terminal < isPart.Length && isPart[terminal] && position > best.PartEnd)
            best = best with { Part = terminal, PartEnd = position };
        Walk(scratch, child, position + 1, isPart, ref best);
    }

    /// <summary>
    /// A Welsh word with its initial mutations (<c>~lladd</c>: lladd, ladd; <c>~curo</c>: curo, guro, nghuro, churo;
    /// <c>~ateb</c>: ateb, hateb), so one phrase matches "fy lladd", "ei ladd" and "i'w ladd" alike.
    /// </summary>
    internal static IReadOnlyList<string> WelshMutations(string word)
    {
        var forms = new List<string> { word };
        void Add(int drop, params string[] heads)
        {
            foreach (var head in heads)
                forms.Add(head + word[drop..]);
        }
        if (word.StartsWith("ll", StringComparison.Ordinal))
            Add(2, "l");
        else if (word.StartsWith("rh", StringComparison.Ordinal))
            Add(2, "r");
        else if (word.Length > 1)
        {
            switch (word[0])
            {
                case 'c': Add(1, "g", "ngh", "ch"); break;
                case 'p': Add(1, "b", "mh", "ph"); break;
                case 't': Add(1, "d", "nh", "th"); break;
                case 'g': Add(1, "", "ng"); break;
                case 'b': Add(1, "f", "m"); break;
                case 'd': Add(1, "dd", "n"); break;
                case 'm': Add(1, "f"); break;
                case 'a' or 'e' or 'i' or 'o' or 'u' or 'w' or 'y': Add(0, "h"); break;
            }
        }
        return forms;
    }

    private int WordSymbol(string word)
    {
        if (!words.TryGetValue(word, out var id))
        {
            id = nextSymbol++;
            words[word] = id;
            while (wordLanguage.Count <= id)
                wordLanguage.Add(0);
            while (texts.Count <= id)
                texts.Add("");
            texts[id] = word;
        }
        return id;
    }

    private int PrefixSymbol(string prefix)
    {
        if (!prefixes.TryGetValue(prefix, out var id))
        {
            id = nextSymbol++;
            prefixes[prefix] = id;
            while (wordLanguage.Count <= id)
                wordLanguage.Add(0);
            while (texts.Count <= id)
                texts.Add("");
            prefixLengths = prefixes.Keys.Select(p => p.Length).Distinct().Order().ToArray();
        }
        return id;
    }

    private static bool IsNumber(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return chars.Length > 0;
    }

    private static long Key(int node, int symbol) => ((long)node << 32) | (uint)symbol;
}
