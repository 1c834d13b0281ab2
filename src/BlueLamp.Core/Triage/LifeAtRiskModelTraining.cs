namespace BlueLamp.Core.Triage;

/// <summary>
/// Trains the <see cref="LifeAtRiskModel"/> and chooses its thresholds by k-fold cross-validation, offline, from labelled
/// messages given to it (the corpora's tune splits only). Pure and deterministic: the same messages in the same order give
/// the same weights, bit for bit.
/// </summary>
public static class LifeAtRiskModelTraining
{
    /// <summary>
    /// Hyperparameters: hash bits, full-batch gradient descent steps and rate, the L2 penalty, and (new in round 10)
    /// how many noisy copies of each message it is also trained on (<see cref="WithNoise"/>).
    /// </summary>
    public sealed record Settings(int Bits = 18, int Iterations = 800, double LearningRate = 8.0, double L2 = 1e-6, int NoiseCopies = 1);

    /// <summary>
    /// The noise a training copy gets (new in round 10): names, emoji, a request to share, thanks, put where platforms put
    /// them. Copies of every message, each with one of these dealt in turn, teaches the model that they carry no danger, so a
    /// name or an emoji run added to a message no longer moves its reading across the alarm threshold. (The steadiness test's
    /// own noises are different strings.)
    /// </summary>
    private static readonly string[] TrainingNoise =
    [
        "{0} Megan", "{0} Rhys", "{0} 💔💔", "{0} 😢😢", "{0} please share", "{0} share this", "{0} Dan x", "{0} ❤️",
        "Jo: {0}", "{0} 🙏🏼", "{0} thanks", "{0} rt", "Tom Davies {0}", "{0} 😔", "{0} plz share", "{0} Cerys",
    ];

    /// <summary>The text of message number <paramref name="index"/>'s noisy training copy.</summary>
    public static string WithNoise(string text, int index) => string.Format(System.Globalization.CultureInfo.InvariantCulture, TrainingNoise[index % TrainingNoise.Length], text);

    /// <summary>Alarm thresholds tried, from 0.50 to 0.99.</summary>
    public static IEnumerable<double> AlarmCandidates => Enumerable.Range(50, 50).Select(i => i / 100.0);

    /// <summary>What a supporting model signal adds to weak rule evidence: like one weak rule sign, so it needs another.</summary>
    public const double SupportWeight = 0.3;

    /// <summary>Trains on every message given; thresholds are left at 1 (never fires) for the caller to set.</summary>
    public static LifeAtRiskModel Train(IReadOnlyList<LabelledMessage> messages, string version, Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        settings ??= new Settings();
        // The messages, then each round of noisy copies in the same order: example i is a copy of message i % count.
        var examples = messages.Select(m => Featurize(m.Text, settings.Bits))
            .Concat(Enumerable.Range(1, settings.NoiseCopies).SelectMany(copy => messages.Select((m, i) => Featurize(WithNoise(m.Text, i + copy * 7), settings.Bits))))
            .ToArray();
        var size = 1 << settings.Bits;
        var weights = new double[size];
        var gradient = new double[size];
        var bias = 0.0;
        for (var iteration = 0; iteration < settings.Iterations; iteration++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var i = 0; i < examples.Length; i++)
            {
                var (buckets, values) = examples[i];
                var z = bias;
                for (var f = 0; f < buckets.Length; f++)
                    z += weights[buckets[f]] * values[f];
                var error = 1.0 / (1.0 + Math.Exp(-z)) - (messages[i % messages.Count].LifeAtRisk ? 1.0 : 0.0);
                biasGradient += error;
                for (var f = 0; f < buckets.Length; f++)
                    gradient[buckets[f]] += error * values[f];
            }
            var rate = settings.LearningRate;
            bias -= rate * biasGradient / examples.Length;
            for (var w = 0; w < size; w++)
                weights[w] -= rate * (gradient[w] / examples.Length + settings.L2 * weights[w]);
        }
        var model = new LifeAtRiskModel(version, settings.Bits, (float)bias, weights.Select(w => (float)w).ToArray(), 1.0, 1.0, 0.0);
        return model.Quantized();
    }

    /// <summary>
    /// Splits the messages into <paramref name="folds"/> folds, stratified by label (each label's messages dealt round
    /// in order), trains a model on all folds but one for each fold, and keeps each message's out-of-fold model.
    /// </summary>
    public static CrossValidation CrossValidate(IReadOnlyList<LabelledMessage> messages, int folds, Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var fold = new int[messages.Count];
        int positives = 0, negatives = 0;
        for (var i = 0; i < messages.Count; i++)
            fold[i] = (messages[i].LifeAtRisk ? positives++ : negatives++) % folds;
        var models = new LifeAtRiskModel[folds];
        for (var k = 0; k < folds; k++)
        {
            var training = messages.Where((_, i) => fold[i] != k).ToList();
            models[k] = Train(training, $"cv-{k}", settings);
        }
        var probabilities = messages.Select((m, i) => models[fold[i]].Probability(m.Text)).ToArray();
        return new CrossValidation(messages, fold, models, probabilities);
    }

    /// <summary>
    /// Leave one corpus out: for each corpus (<see cref="LabelledMessage.Source"/>), a model trained on every other corpus,
    /// so that each message is assessed by a model that never saw its writer. The honest estimate of how the model does
    /// on a new writer's wording, where random folds share each writer's habits between training and test.
    /// </summary>
    public static CrossValidation CrossValidateByCorpus(IReadOnlyList<LabelledMessage> messages, Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sources = messages.Select(m => m.Source).Distinct().ToList();
        var fold = messages.Select(m => sources.IndexOf(m.Source)).ToArray();
        var models = sources.Select((source, k) => Train(messages.Where((_, i) => fold[i] != k).ToList(), $"loco-{k}", settings)).ToArray();
        var probabilities = messages.Select((m, i) => models[fold[i]].Probability(m.Text)).ToArray();
        return new CrossValidation(messages, fold, models, probabilities);
    }

    private static readonly TriageEngine Reader = new(IndicatorSet.Default, lifeAtRiskModel: null);

    private static (int[] Buckets, float[] Values) Featurize(string text, int bits)
    {
        var scratch = Reader.Read(text, out _, out _);
        var sink = new CollectingSink { Buckets = [], Values = [] };
        LifeAtRiskModel.Featurize(scratch, Reader.IndicatorSet.ModelClasses, bits, ref sink);
        return (sink.Buckets.ToArray(), sink.Values.ToArray());
    }

    private struct CollectingSink : LifeAtRiskModel.IFeatureSink
    {
        public List<int> Buckets;
        public List<float> Values;

        public readonly void Add(int bucket, int token, float value)
        {
            // A pair's feature comes twice, half to each word: training sees it once, whole (the same bucket twice adds up the same).
            if (Buckets.Count > 0 && Buckets[^1] == bucket)
            {
                Values[^1] += value;
                return;
            }
            Buckets.Add(bucket);
            Values.Add(value);
        }
    }
}

/// <summary>
/// A message with its life-at-risk label, for training; <paramref name="Source"/> names its corpus and split,
/// <paramref name="Grade"/> its expected grade (0 when not given), to measure under-grading, and
/// <paramref name="Category"/> its expected category (null when not given), to measure category accuracy.
/// </summary>
public sealed record LabelledMessage(string Text, TriageContext Context, bool LifeAtRisk, string Source, int Grade = 0, TriageCategory? Category = null);

/// <summary>The out-of-fold models of a k-fold cross-validation: each message is assessed by the model that never saw it.</summary>
public sealed class CrossValidation(IReadOnlyList<LabelledMessage> messages, int[] fold, LifeAtRiskModel[] models, double[] probabilities)
{
    public IReadOnlyList<LabelledMessage> Messages => messages;

    /// <summary>The model alone's out-of-fold probability for each message.</summary>
    public IReadOnlyList<double> Probabilities => probabilities;

    /// <summary>The model alone at an alarm threshold: (true alarms, false alarms, missed).</summary>
    public (int True, int False, int Missed) ModelAlone(double alarmThreshold, Func<LabelledMessage, bool>? where = null)
    {
        int truePositives = 0, falsePositives = 0, missed = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (where is not null && !where(messages[i]))
                continue;
            var alarm = probabilities[i] >= alarmThreshold;
            if (alarm && messages[i].LifeAtRisk)
                truePositives++;
            else if (alarm)
                falsePositives++;
            else if (messages[i].LifeAtRisk)
                missed++;
        }
        return (truePositives, falsePositives, missed);
    }

    /// <summary>
    /// The engine with the rules of <paramref name="set"/> and each message's out-of-fold model at these thresholds
    /// (or the rules alone when <paramref name="alarmThreshold"/> is null; no concern band when <paramref name="concernThreshold"/>
    /// is null): both kinds of life-at-risk error, what the model raised, and the severe under-grading the concern floor is for.
    /// </summary>
    public CombinedOutcome Combined(IndicatorSet set, double? alarmThreshold, double supportThreshold, Func<LabelledMessage, bool>? where = null, double? concernThreshold = null) =>
        Combined(set, alarmThreshold, supportThreshold, concernThreshold, where, null);

    /// <summary>The same without the concern floor (engine 1.6.0's grading): what the floor changes.</summary>
    public CombinedOutcome WithoutConcernFloor(IndicatorSet set, double? alarmThreshold, double supportThreshold, Func<LabelledMessage, bool>? where = null) =>
        Combined(set, alarmThreshold, supportThreshold, null, where, null, concernFloor: false);

    /// <summary>The tune messages that the model made false alarms of, out of fold: what to read to judge its hard negatives.</summary>
    public IReadOnlyList<LabelledMessage> FalseAlarmsByModel(IndicatorSet set, double alarmThreshold, double supportThreshold)
    {
        var falseAlarms = new List<LabelledMessage>();
        Combined(set, alarmThreshold, supportThreshold, null, null, falseAlarms);
        return falseAlarms;
    }

    private CombinedOutcome Combined(
        IndicatorSet set, double? alarmThreshold, double supportThreshold, double? concernThreshold, Func<LabelledMessage, bool>? where, List<LabelledMessage>? falseAlarms,
        bool concernFloor = true)
    {
        var engines = models.Select(m => new TriageEngine(set, alarmThreshold is { } a
            ? m.WithThresholds(a, Math.Min(a, supportThreshold), LifeAtRiskModelTraining.SupportWeight, concernThreshold is { } c ? Math.Min(c, Math.Min(a, supportThreshold)) : null)
            : null, concernFloor)).ToArray();
        var outcome = default(CombinedOutcome);
        for (var i = 0; i < messages.Count; i++)
        {
            if (where is not null && !where(messages[i]))
                continue;
            var message = messages[i];
            var result = engines[fold[i]].Assess(message.Text, message.Context);
            if (result.LifeAtRisk && result.Indicators.Any(h => h.Name == LifeAtRiskModel.IndicatorName))
            {
                outcome.ByModel++;
                if (!message.LifeAtRisk)
                {
                    outcome.FalseByModel++;
                    falseAlarms?.Add(message);
                }
            }
            if (result.LifeAtRisk && message.LifeAtRisk)
                outcome.True++;
            else if (result.LifeAtRisk)
                outcome.False++;
            else if (message.LifeAtRisk)
                outcome.Missed++;
            if (message.Grade == 1 && result.Grade == Grade.ResolvedWithoutDeployment)
                outcome.GradeOneAtFour++;
            if (message.Grade == 1 && result.Grade >= Grade.Scheduled)
                outcome.GradeOneAtThreeOrFour++;
            if (message.Category is { } expected)
            {
                outcome.Categorised++;
                outcome.CategoryRight += result.Category == expected ? 1 : 0;
                if (message.LifeAtRisk && result.LifeAtRisk)
                {
                    outcome.LifeCategorised++;
                    outcome.LifeCategoryRight += result.Category == expected ? 1 : 0;
                }
            }
            if (message.Grade >= 3 && result.Grade == Grade.Priority && result.Indicators.Any(h => h.Name is LifeAtRiskModel.ConcernIndicatorName or TriageEngine.ConcernIndicatorName))
                outcome.RaisedToPriority++;
        }
        return outcome;
    }
}

/// <summary>
/// What the engine did on a set of labelled messages: life-at-risk alarms true and false and the missed; those raised by
/// the model (and false); grade-1 messages graded 4, and 3 or 4; and messages labelled grade 3 or 4 that the concern
/// floor raised to 2 (its cost); and, for messages with an expected category, how many were filed under it (all, and the
/// life-at-risk messages the engine raised).
/// </summary>
public record struct CombinedOutcome(
    int True, int False, int Missed, int ByModel, int FalseByModel, int GradeOneAtFour, int GradeOneAtThreeOrFour, int RaisedToPriority,
    int Categorised = 0, int CategoryRight = 0, int LifeCategorised = 0, int LifeCategoryRight = 0);
