namespace BlueLamp.Core.Triage;

/// <summary>
/// Per-thread working memory for one assessment, reused from one message to the next so that assessing
/// allocates only what it returns. Its size follows the message, never the indicator set.
/// </summary>
internal sealed class TriageScratch
{
    [ThreadStatic]
    private static TriageScratch? current;

    public char[] Chars = new char[512];
    public int CharCount;
    public Token[] Tokens = new Token[128];
    public int TokenCount;
    public RawHit[] Hits = new RawHit[32];
    public int HitCount;

    /// <summary>Each token's share of the life-at-risk model's evidence, for the explanation.</summary>
    public double[] TokenEvidence = new double[128];

    public static TriageScratch ForThisThread() => current ??= new TriageScratch();

    public void AppendChar(char c)
    {
        if (CharCount == Chars.Length)
            Array.Resize(ref Chars, Chars.Length * 2);
        Chars[CharCount++] = c;
    }

    public void AddToken(int normStart, int normLength, int start, int end, bool clauseStart, bool sentenceStart = false)
    {
        if (normLength == 0)
            return;
        if (TokenCount == Tokens.Length)
            Array.Resize(ref Tokens, Tokens.Length * 2);
        Tokens[TokenCount++] = new Token
        {
            NormStart = normStart,
            NormLength = normLength,
            Start = start,
            End = end,
            ClauseStart = clauseStart || sentenceStart,
            SentenceStart = sentenceStart,
            WordId = -1,
            Prefix1 = -1,
            Prefix2 = -1,
        };
    }

    public void ClearTokenEvidence()
    {
        if (TokenEvidence.Length < TokenCount)
            TokenEvidence = new double[Tokens.Length];
        Array.Clear(TokenEvidence, 0, TokenCount);
    }

    public ReadOnlySpan<char> TokenChars(int token) => Chars.AsSpan(Tokens[token].NormStart, Tokens[token].NormLength);

    public void AddHit(int indicator, int first, int last)
    {
        if (HitCount == Hits.Length)
            Array.Resize(ref Hits, Hits.Length * 2);
        Hits[HitCount++] = new RawHit(indicator, first, last);
    }

    /// <summary>One word or emoji of a message.</summary>
    internal struct Token
    {
        public int NormStart;
        public int NormLength;
        public int Start;
        public int End;
        public bool ClauseStart;
        public bool SentenceStart;
        public bool EndsQuestion;
        public int WordId;
        public int Prefix1;
        public int Prefix2;

        /// <summary>
        /// Part of an @handle or a #hashtag (new in 1.9.0): a word written right after <c>@</c> or <c>#</c>, or joined to
        /// one by <c>_</c>, <c>.</c> or <c>-</c>. The rules read it as any word; the life-at-risk model leaves it out.
        /// </summary>
        public bool Tagged;
    }

    /// <summary>An indicator phrase found over tokens First..Last.</summary>
    internal record struct RawHit(int Indicator, int First, int Last)
    {
        public bool Removed { get; set; }
    }
}
