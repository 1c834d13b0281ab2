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
    private const int AnyWord = int.MaxValue;
    private const int AnyNumber = int.MaxValue - 1;

    private readonly List<int> terminals = [-1];
    private readonly List<bool> hasAnyWordEdge = [false];
    private readonly List<sbyte> wordLanguage = [];
    private int[] prefixLengths = [];
    private int nextSymbol;

    public PhraseMatcher()
    {
        wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
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

    /// <summary>Finds, at each token, the longest phrase starting there.</summary>
    public void Match(TriageScratch scratch)
    {
        scratch.HitCount = 0;
        for (var start = 0; start < scratch.TokenCount; start++)
        {
            var best = -1;
            var bestEnd = -1;
            Walk(scratch, 0, start, ref best, ref bestEnd);
            if (best >= 0)
                scratch.AddHit(best, start, bestEnd);
        }
    }

    private void Walk(TriageScratch scratch, int node, int position, ref int best, ref int bestEnd)
    {
        if (position >= scratch.TokenCount)
            return;
        ref readonly var token = ref scratch.Tokens[position];
        Step(scratch, node, token.WordId, position, ref best, ref bestEnd);
        Step(scratch, node, token.Prefix1, position, ref best, ref bestEnd);
        Step(scratch, node, token.Prefix2, position, ref best, ref bestEnd);
        if (hasAnyWordEdge[node])
            Step(scratch, node, AnyWord, position, ref best, ref bestEnd);
    }

    private void Step(TriageScratch scratch, int node, int symbol, int position, ref int best, ref int bestEnd)
    {
        if (symbol < 0 || !edges.TryGetValue(Key(node, symbol), out var child))
            return;
        var terminal = terminals[child];
        if (terminal >= 0 && position > bestEnd)
        {
            best = terminal;
            bestEnd = position;
        }
        Walk(scratch, child, position + 1, ref best, ref bestEnd);
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
