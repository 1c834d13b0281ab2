using System.Globalization;
using System.Text;
using System.Text.Json;
using BlueLamp.Core.Triage;

namespace BlueLamp.Cli.Triage;

/// <summary>
/// <c>triage train-model</c>: trains the life-at-risk model on the <c>tune</c> splits of the labelled corpora (never a
/// <c>holdout</c> or <c>sealed</c> split), chooses its thresholds by k-fold cross-validation on the same tune messages,
/// prints the cross-validation figures and writes the versioned weights file that ships inside BlueLamp.Core.
/// </summary>
internal static class TrainModelCommand
{
    public const string DefaultCorpora = "tests/BlueLamp.Core.Tests/Triage/Samples";
    public const string DefaultOutput = "src/BlueLamp.Core/Triage/Models/life-at-risk.json";
    private const int Folds = 5;

    /// <summary>The model-alone precision an alarm threshold must keep out of fold.</summary>
    private const double AlarmPrecision = 0.95;

    /// <summary>The rules and the model together must keep this precision out of fold.</summary>
    private const double CombinedPrecision = 0.97;

    /// <summary>The model supports weak rule evidence only where it thinks life at risk more likely than not.</summary>
    private const double SupportFloor = 0.5;

    public static async Task<int> RunAsync(string? corpora, string? outputFile, string? version, TextWriter output, TextWriter error)
    {
        corpora ??= DefaultCorpora;
        outputFile ??= DefaultOutput;
        if (string.IsNullOrWhiteSpace(version))
        {
            await error.WriteLineAsync("triage train-model needs --version NAME (e.g. lar-2026.11-1): the version is stored with every assessment.");
            return 2;
        }
        List<LabelledMessage> tune;
        try
        {
            tune = await LoadTuneSplitsAsync(corpora);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync($"Cannot read the corpora in {corpora}: {e.Message}");
            return 2;
        }
        var life = tune.Count(m => m.LifeAtRisk);
        await output.WriteLineAsync($"training on {tune.Count} tune messages ({life} life at risk) from {string.Join(", ", tune.Select(m => m.Source).Distinct())}");

        var report = new StringBuilder();
        var settings = new LifeAtRiskModelTraining.Settings();
        var cv = LifeAtRiskModelTraining.CrossValidate(tune, Folds, settings);
        var rules = cv.Combined(IndicatorSet.Default, null, 1.0);
        report.AppendLine(Line($"{Folds}-fold CV on the tune splits, {tune.Count} messages, {life} life at risk"));
        report.AppendLine(Line($"rules alone (tuned on all of it, so fitted): {Figures(rules.True, rules.False, rules.Missed)}"));
        report.AppendLine("model alone, out of fold, by alarm threshold:");
        double? alarm = null;
        foreach (var threshold in LifeAtRiskModelTraining.AlarmCandidates)
        {
            var alone = cv.ModelAlone(threshold);
            if (threshold * 100 % 5 < 1e-9)
                report.AppendLine(Line($"  {threshold:0.00}: {Figures(alone.True, alone.False, alone.Missed)}"));
            if (alarm is null && Precision(alone.True, alone.False) >= AlarmPrecision)
            {
                var combined = cv.Combined(IndicatorSet.Default, threshold, threshold);
                if (Precision(combined.True, combined.False) >= CombinedPrecision)
                    alarm = threshold;
            }
        }
        if (alarm is not { } chosen)
        {
            report.AppendLine(Line($"no alarm threshold keeps the model alone at precision {AlarmPrecision} and the engine at {CombinedPrecision}: the model does not help; nothing written"));
            await output.WriteAsync(report.ToString());
            return 1;
        }
        var support = chosen;
        for (var threshold = chosen - 0.05; threshold >= SupportFloor - 1e-9; threshold -= 0.05)
        {
            var combined = cv.Combined(IndicatorSet.Default, chosen, threshold);
            if (Precision(combined.True, combined.False) < CombinedPrecision)
                break;
            support = Math.Round(threshold, 2);
        }
        var final = cv.Combined(IndicatorSet.Default, chosen, support);
        var aloneAtAlarm = cv.ModelAlone(chosen);
        report.AppendLine(Line($"chosen: alarm {chosen:0.00} (model alone {Figures(aloneAtAlarm.True, aloneAtAlarm.False, aloneAtAlarm.Missed)}), support {support:0.00} (+{LifeAtRiskModelTraining.SupportWeight} to weak rule evidence)"));
        report.AppendLine(Line($"rules + model, out of fold: {Figures(final.True, final.False, final.Missed)}, {final.ByModel} raised by the model"));
        foreach (var source in tune.Select(m => m.Source).Distinct())
        {
            var alone = cv.ModelAlone(chosen, m => m.Source == source);
            var both = cv.Combined(IndicatorSet.Default, chosen, support, m => m.Source == source);
            report.AppendLine(Line($"  {source}: model alone {Figures(alone.True, alone.False, alone.Missed)}; rules + model {Figures(both.True, both.False, both.Missed)}"));
        }
        // Another author's wording: the fresh corpus's tune split, by a model trained on the other corpora only.
        const string Fresh = "fresh-corpus:tune";
        if (tune.Any(m => m.Source == Fresh))
        {
            var others = LifeAtRiskModelTraining.Train(tune.Where(m => m.Source != Fresh).ToList(), "loco", settings);
            var freshLife = tune.Where(m => m.Source == Fresh).ToList();
            int caught = freshLife.Count(m => m.LifeAtRisk && others.Probability(m.Text) >= chosen), raised = freshLife.Count(m => !m.LifeAtRisk && others.Probability(m.Text) >= chosen);
            report.AppendLine(Line($"trained without the fresh corpus, on {Fresh} (an author it never saw), model alone at {chosen:0.00}: {Figures(caught, raised, freshLife.Count(m => m.LifeAtRisk) - caught)}"));
        }
        await output.WriteAsync(report.ToString());
        await output.WriteLineAsync("the model's out-of-fold false alarms (tune messages):");
        foreach (var falseAlarm in cv.FalseAlarmsByModel(IndicatorSet.Default, chosen, support))
            await output.WriteLineAsync($"  {falseAlarm.Source}: {falseAlarm.Text}");

        var model = LifeAtRiskModelTraining.Train(tune, version, settings).WithThresholds(chosen, support, LifeAtRiskModelTraining.SupportWeight);
        var provenance = new ModelProvenance(
            "dotnet run --project src/BlueLamp.Cli -- triage train-model --version " + version,
            tune.Select(m => m.Source).Distinct().ToList(), tune.Count, life, report.ToString().TrimEnd());
        await File.WriteAllTextAsync(outputFile, model.ToJson(provenance) + "\n");
        await output.WriteLineAsync($"wrote {outputFile} ({version})");
        return 0;
    }

    /// <summary>Every corpus's <c>tune</c> messages, in file and line order, so training is repeatable.</summary>
    private static async Task<List<LabelledMessage>> LoadTuneSplitsAsync(string folder)
    {
        var messages = new List<LabelledMessage>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var lineNumber = 0;
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                var request = TriageCommand.TriageRequest.Parse(line);
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (request.Problem is not null
                    || !root.TryGetProperty("split", out var split) || split.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("expectedLifeAtRisk", out var label) || label.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new InvalidDataException($"{name} line {lineNumber}: needs id, text, kind, split and expectedLifeAtRisk ({request.Problem ?? "missing split or label"})");
                }
                // Only what the rules may be tuned on: a holdout or sealed split measures what neither has seen.
                if (split.GetString() == "tune")
                    messages.Add(new LabelledMessage(request.Text!, request.Context!, label.GetBoolean(), $"{name}:tune"));
            }
        }
        return messages;
    }

    private static string Figures(int truePositives, int falsePositives, int missed) =>
        Line($"recall {Ratio(truePositives, truePositives + missed):0.000}, precision {Precision(truePositives, falsePositives):0.000} (true {truePositives}, false alarms {falsePositives}, missed {missed})");

    private static double Precision(int truePositives, int falsePositives) => Ratio(truePositives, truePositives + falsePositives);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
