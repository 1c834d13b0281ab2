using System.Text.Json;

namespace BlueLamp.Core.Triage;

/// <summary>
/// A small statistical life-at-risk signal beside the rules: a logistic regression over hashed word unigrams and
/// bigrams and character 3–5-grams of the normalised words, trained offline on the corpora's tune splits
/// (<c>triage train-model</c>) and shipped as a versioned weights file. It only ever raises: at or above
/// <see cref="AlarmThreshold"/> it makes a message life at risk on its own, at or above
/// <see cref="SupportThreshold"/> it adds <see cref="SupportWeight"/> to weak rule evidence. Immutable and thread-safe.
/// </summary>
public sealed class LifeAtRiskModel
{
    /// <summary>The name of the indicator the model's signal is explained by.</summary>
    public const string IndicatorName = "model:life-at-risk";

    /// <summary>
    /// The name of the indicator that explains a grade raised to 2 (priority) by the model's concern band: a probability
    /// at or above <see cref="ConcernThreshold"/> but below the alarm (new in engine 1.7.0).
    /// </summary>
    public const string ConcernIndicatorName = "model:concern";

    /// <summary>The weights are stored as signed bytes times this scale.</summary>
    private const int Levels = 127;

    private const uint WordSeed = 0x811C9DC5;
    private const uint BigramSeed = 0x9E3779B9;
    private const uint CharSeed = 0x85EBCA6B;
    private const uint ClassSeed = 0xC2B2AE35;
    private const uint ClassPairSeed = 0x27D4EB2F;

    private static readonly Lazy<TriageEngine> DefaultReader = new(() => new TriageEngine(IndicatorSet.Default, lifeAtRiskModel: null));

    private static readonly Lazy<LifeAtRiskModel> DefaultModel = new(LoadDefault);

    private readonly float[] weights;

    internal LifeAtRiskModel(string version, int bits, float bias, float[] weights, double alarmThreshold, double supportThreshold, double supportWeight, double? concernThreshold = null)
    {
        if (string.IsNullOrWhiteSpace(version))
            throw new InvalidDataException("A life-at-risk model needs a version.");
        if (bits is < 10 or > 24 || weights.Length != 1 << bits)
            throw new InvalidDataException($"A life-at-risk model of {bits} bits needs {1 << Math.Clamp(bits, 0, 30)} weights, not {weights.Length}.");
        if (alarmThreshold is <= 0 or > 1 || supportThreshold is <= 0 or > 1 || supportThreshold > alarmThreshold || supportWeight is < 0 or > 1)
            throw new InvalidDataException("A life-at-risk model's thresholds must be in (0, 1], support at most alarm, and its support weight in [0, 1].");
        if (concernThreshold is <= 0 or > 1 || concernThreshold > supportThreshold)
            throw new InvalidDataException("A life-at-risk model's concern threshold must be in (0, 1] and at most its support threshold.");
        Version = version;
        Bits = bits;
        Bias = bias;
        this.weights = weights;
        AlarmThreshold = alarmThreshold;
        SupportThreshold = supportThreshold;
        SupportWeight = supportWeight;
        ConcernThreshold = concernThreshold ?? supportThreshold;
    }

    /// <summary>The model shipped with BlueLamp (<c>Triage/Models/life-at-risk.json</c>, embedded).</summary>
    public static LifeAtRiskModel Default => DefaultModel.Value;

    /// <summary>Stored with every assessment, after the engine version.</summary>
    public string Version { get; }

    /// <summary>Features are hashed into 2^Bits buckets.</summary>
    public int Bits { get; }

    public float Bias { get; }

    /// <summary>At or above this probability the model makes a message life at risk on its own, unless the rules read it as a joke, an idiom, fiction or the past.</summary>
    public double AlarmThreshold { get; }

    /// <summary>At or above this probability the model adds <see cref="SupportWeight"/> to rule evidence of a threat to life that is there but too weak alone.</summary>
    public double SupportThreshold { get; }

    public double SupportWeight { get; }

    /// <summary>
    /// At or above this probability, and below an alarm, the model's reading is a concern: the message is graded no lower
    /// than 2 (priority, read now) without raising the alarm (new in lar-2026.11-4; a file without it has no concern band).
    /// </summary>
    public double ConcernThreshold { get; }

    internal ReadOnlySpan<float> Weights => weights;

    /// <summary>The same weights with other thresholds: for choosing the thresholds by cross-validation.</summary>
    public LifeAtRiskModel WithThresholds(double alarmThreshold, double supportThreshold, double supportWeight, double? concernThreshold = null) =>
        new(Version, Bits, Bias, weights, alarmThreshold, supportThreshold, supportWeight, concernThreshold);

    /// <summary>The probability that a message puts a life at risk, as the model alone reads it (with the word classes of <paramref name="indicatorSet"/>, the default set's when null).</summary>
    public double Probability(string text, IndicatorSet? indicatorSet = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = indicatorSet is null ? DefaultReader.Value : new TriageEngine(indicatorSet, lifeAtRiskModel: null);
        var scratch = reader.Read(text, out _, out _);
        return Probability(scratch, reader.IndicatorSet.ModelClasses);
    }

    /// <summary>
    /// The probability for a message already read into <paramref name="scratch"/> (tokens and the hits of the set whose
    /// <paramref name="classes"/> are given); leaves each token's share of the evidence in
    /// <see cref="TriageScratch.TokenEvidence"/>, for the explanation.
    /// </summary>
    internal double Probability(TriageScratch scratch, ReadOnlySpan<uint> classes)
    {
        var sink = new ScoringSink(weights, scratch);
        scratch.ClearTokenEvidence();
        Featurize(scratch, classes, Bits, ref sink);
        return 1.0 / (1.0 + Math.Exp(-(Bias + sink.Sum)));
    }

    /// <summary>
    /// The word class an indicator gives the model (new in lar-2026.11-3), a hash of its name: the concepts (an act of
    /// swallowing, an amount, a violent act, a grave sign), means, immediacy, nearness, who is at risk, negation, the past,
    /// jokes and idioms are classes of words the set already knows in English and Welsh, with their mutations and one-slip
    /// misspellings, and a category indicator is what the rules found (also when it was too weak alone). The model learns
    /// from the class and from each pair of classes in a message (a violent act and a weapon, someone else and now), not
    /// only from the words, so a word the set files under a class carries what the class taught it.
    /// </summary>
    internal static uint ClassOf(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var h = Hash(ClassSeed, indicator.Name);
        return h == 0 ? 1 : h;
    }

    /// <summary>The run of up to <paramref name="maxTokens"/> tokens in one sentence whose share of the evidence is highest: what the operator is shown.</summary>
    internal static (int First, int Last) StrongestWindow(TriageScratch scratch, int maxTokens = 4)
    {
        var best = double.NegativeInfinity;
        var bestFirst = 0;
        var bestLast = 0;
        for (var first = 0; first < scratch.TokenCount; first++)
        {
            var sum = 0.0;
            for (var last = first; last < scratch.TokenCount && last - first < maxTokens; last++)
            {
                if (last > first && scratch.Tokens[last].SentenceStart)
                    break;
                sum += scratch.TokenEvidence[last];
                if (sum > best + 1e-12)
                {
                    best = sum;
                    bestFirst = first;
                    bestLast = last;
                }
            }
        }
        return (bestFirst, bestLast);
    }

    /// <summary>What every feature of a message adds: its hashed bucket, the token it belongs to and its value.</summary>
    internal interface IFeatureSink
    {
        void Add(int bucket, int token, float value);
    }

    /// <summary>
    /// Feeds the message's features to <paramref name="sink"/>: each word, each pair of neighbouring words, and each
    /// 3-, 4- and 5-letter piece of each word with its edges marked, every one valued 1/√(count) so that a long message
    /// does not score higher for its length; the noise tokens (<see cref="IsNoise"/>) are left out of the features and the
    /// count, and a pair spans them. Allocates nothing.
    /// </summary>
    internal static void Featurize<TSink>(TriageScratch scratch, ReadOnlySpan<uint> classes, int bits, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var count = 0;
        var words = 0;
        for (var t = 0; t < scratch.TokenCount; t++)
        {
            if (IsNoise(scratch, t))
                continue;
            var padded = scratch.Tokens[t].NormLength + 2;
            count += 1 + (words++ > 0 ? 1 : 0);
            for (var n = 3; n <= 5; n++)
                count += Math.Max(0, padded - n + 1);
        }
        var classCount = 0;
        for (var i = 0; i < scratch.HitCount; i++)
        {
            if (IsClassHit(scratch, classes, i))
                classCount++;
        }
        count += classCount + classCount * (classCount - 1) / 2;
        if (count == 0)
            return;
        var value = (float)(1.0 / Math.Sqrt(count));
        var mask = (1 << bits) - 1;
        // The word classes found, and each pair of them: "a violent act" and "a weapon", "someone else" and "now".
        for (var i = 0; i < scratch.HitCount; i++)
        {
            if (!IsClassHit(scratch, classes, i))
                continue;
            var hit = scratch.Hits[i];
            var own = classes[hit.Indicator];
            sink.Add((int)(Mix(own) & (uint)mask), hit.First, value);
            for (var j = i + 1; j < scratch.HitCount; j++)
            {
                if (!IsClassHit(scratch, classes, j))
                    continue;
                var other = classes[scratch.Hits[j].Indicator];
                var (low, high) = own < other ? (own, other) : (other, own);
                var bucket = (int)(Mix((low * 31) ^ high ^ ClassPairSeed) & (uint)mask);
                sink.Add(bucket, hit.First, value / 2);
                sink.Add(bucket, scratch.Hits[j].First, value / 2);
            }
        }
        var previous = 0u;
        var previousToken = -1;
        for (var t = 0; t < scratch.TokenCount; t++)
        {
            if (IsNoise(scratch, t))
                continue;
            var word = scratch.TokenChars(t);
            var wordHash = Hash(WordSeed, word);
            sink.Add((int)(Mix(wordHash) & (uint)mask), t, value);
            if (previousToken >= 0)
            {
                // A pair's evidence is shared by its two words.
                var bucket = (int)(Mix((previous * 31) ^ wordHash ^ BigramSeed) & (uint)mask);
                sink.Add(bucket, previousToken, value / 2);
                sink.Add(bucket, t, value / 2);
            }
            previous = wordHash;
            previousToken = t;
            var padded = word.Length + 2;
            for (var n = 3; n <= 5; n++)
            {
                for (var start = 0; start + n <= padded; start++)
                {
                    var h = CharSeed ^ (uint)n;
                    for (var k = start; k < start + n; k++)
                        h = Step(h, k == 0 ? '^' : k == padded - 1 ? '$' : word[k - 1]);
                    sink.Add((int)(Mix(h) & (uint)mask), t, value);
                }
            }
        }
    }

    /// <summary>
    /// A token the model leaves out (new in lar-2026.11-6), because it is the noise platforms put around the words and
    /// moved the reading across the alarm threshold: a word of an @handle or a #hashtag, a code of letters and digits of
    /// six or more characters ("q7Rk2xWm", a tracking tag), and a token the same as the one before it (an emoji run
    /// "🙏🙏🙏" reads as one "🙏"), and since lar-2026.11-8 a request to share (<see cref="AsksToShare"/>). The rules still
    /// read every token.
    /// </summary>
    internal static bool IsNoise(TriageScratch scratch, int token)
    {
        if (scratch.Tokens[token].Tagged)
            return true;
        var word = scratch.TokenChars(token);
        if (token > 0 && word.SequenceEqual(scratch.TokenChars(token - 1)))
            return true;
        if (AsksToShare(scratch, token))
            return true;
        if (word.Length < 6)
            return false;
        bool letters = false, digits = false;
        foreach (var c in word)
        {
            letters |= char.IsLetter(c);
            digits |= char.IsAsciiDigit(c);
        }
        return letters && digits;
    }

    /// <summary>
    /// New in lar-2026.11-8: a request to share ("pls share", "please share", "share please", Welsh "plis rhannwch"), both
    /// words. Appeals end with it and are seldom life at risk, so the model read it as evidence against a threat to life
    /// and it moved the reading by up to 0.37 when added to a message; the rules still read it (an appeal's own phrases).
    /// </summary>
    private static bool AsksToShare(TriageScratch scratch, int token)
    {
        var share = IsShare(scratch.TokenChars(token));
        if (!share && !IsPlease(scratch.TokenChars(token)))
            return false;
        // Its partner is the word before or after it: "pls share", "share please".
        return (token > 0 && IsPartner(scratch.TokenChars(token - 1), share))
            || (token + 1 < scratch.TokenCount && IsPartner(scratch.TokenChars(token + 1), share));

        static bool IsPartner(ReadOnlySpan<char> w, bool share) => share ? IsPlease(w) : IsShare(w);
        static bool IsShare(ReadOnlySpan<char> w) => w is "share" or "rt" or "rhannwch" or "rhannu";
        static bool IsPlease(ReadOnlySpan<char> w) => w is "pls" or "plz" or "please" or "plis" or "plîs";
    }

    /// <summary>A hit the model reads as a class: found, of a class the model reads, and the first of its indicator's hits.</summary>
    private static bool IsClassHit(TriageScratch scratch, ReadOnlySpan<uint> classes, int index)
    {
        var hit = scratch.Hits[index];
        if (hit.Removed || hit.Indicator >= classes.Length || classes[hit.Indicator] == 0)
            return false;
        for (var j = 0; j < index; j++)
        {
            if (!scratch.Hits[j].Removed && scratch.Hits[j].Indicator == hit.Indicator)
                return false;
        }
        return true;
    }

    private static uint Hash(uint seed, ReadOnlySpan<char> chars)
    {
        var h = seed;
        foreach (var c in chars)
            h = Step(h, c);
        return h;
    }

    private static uint Step(uint h, char c) => (h ^ c) * 16777619;

    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x7FEB352D;
        h ^= h >> 15;
        h *= 0x846CA68B;
        h ^= h >> 16;
        return h;
    }

    private struct ScoringSink(float[] weights, TriageScratch scratch) : IFeatureSink
    {
        public double Sum;

        public void Add(int bucket, int token, float value)
        {
            var contribution = weights[bucket] * value;
            Sum += contribution;
            scratch.TokenEvidence[token] += contribution;
        }
    }

    /// <summary>The weights file: JSON with the version, the thresholds, how it was trained, and the weights as signed bytes (base64) times <c>scale</c>.</summary>
    public string ToJson(ModelProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var max = 0f;
        foreach (var w in weights)
            max = Math.Max(max, Math.Abs(w));
        var scale = max == 0 ? 1f : max / Levels;
        var bytes = new byte[weights.Length];
        for (var i = 0; i < weights.Length; i++)
            bytes[i] = (byte)(sbyte)Math.Clamp((int)MathF.Round(weights[i] / scale), -Levels, Levels);
        var file = new WeightsFile(Version, Bits, Bias, AlarmThreshold, SupportThreshold, SupportWeight, ConcernThreshold, provenance, scale, Convert.ToBase64String(bytes));
        return JsonSerializer.Serialize(file, FileOptions);
    }

    /// <summary>Reads a weights file written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable model.</exception>
    public static LifeAtRiskModel Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        WeightsFile file;
        try
        {
            file = JsonSerializer.Deserialize<WeightsFile>(json, FileOptions) ?? throw new InvalidDataException("The life-at-risk model file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The life-at-risk model file is not valid: {e.Message}", e);
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(file.Weights ?? "");
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("The life-at-risk model's weights are not base64.", e);
        }
        var weights = new float[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
            weights[i] = (sbyte)bytes[i] * file.Scale;
        return new LifeAtRiskModel(file.Version ?? "", file.Bits, file.Bias, weights, file.AlarmThreshold, file.SupportThreshold, file.SupportWeight, file.ConcernThreshold);
    }

    /// <summary>Rounds the weights as the file stores them, so that what is cross-validated is what ships.</summary>
    internal LifeAtRiskModel Quantized() => Parse(ToJson(new ModelProvenance("", [], 0, 0, "")));

    private static LifeAtRiskModel LoadDefault()
    {
        using var stream = typeof(LifeAtRiskModel).Assembly.GetManifestResourceStream("BlueLamp.Core.Triage.Models.life-at-risk.json")
            ?? throw new InvalidOperationException("The shipped life-at-risk model is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record WeightsFile(
        string? Version,
        int Bits,
        float Bias,
        double AlarmThreshold,
        double SupportThreshold,
        double SupportWeight,
        double? ConcernThreshold,
        ModelProvenance? TrainedOn,
        float Scale,
        string? Weights);
}

/// <summary>How a life-at-risk model was made, written into its weights file: the splits it learned from and what cross-validation said.</summary>
/// <param name="Command">The command that wrote it.</param>
/// <param name="Splits">The corpus splits trained on (tune splits only).</param>
/// <param name="Messages">How many messages.</param>
/// <param name="LifeAtRisk">How many of them life at risk.</param>
/// <param name="CrossValidation">The k-fold figures the thresholds were chosen by.</param>
public sealed record ModelProvenance(string Command, IReadOnlyList<string> Splits, int Messages, int LifeAtRisk, string CrossValidation);
