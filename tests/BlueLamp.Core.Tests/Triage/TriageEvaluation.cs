using System.Globalization;
using System.Text;
using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>How the engine did on a set of labelled messages: both kinds of life-at-risk error, per-category precision and recall, the grade confusion and every miss.</summary>
public sealed class TriageEvaluation
{
    private readonly List<(CorpusMessage Message, RiskAssessmentResult Result)> outcomes = [];

    public TriageEvaluation(TriageEngine engine, IEnumerable<CorpusMessage> messages)
    {
        foreach (var message in messages)
            outcomes.Add((message, engine.Assess(message.Text, message.Context)));
    }

    public int Count => outcomes.Count;

    public int LifeTruePositives => outcomes.Count(o => o.Message.ExpectedLifeAtRisk && o.Result.LifeAtRisk);

    public int LifeFalsePositives => outcomes.Count(o => !o.Message.ExpectedLifeAtRisk && o.Result.LifeAtRisk);

    public int LifeFalseNegatives => outcomes.Count(o => o.Message.ExpectedLifeAtRisk && !o.Result.LifeAtRisk);

    public double LifePrecision => Ratio(LifeTruePositives, LifeTruePositives + LifeFalsePositives);

    public double LifeRecall => Ratio(LifeTruePositives, LifeTruePositives + LifeFalseNegatives);

    public double CategoryAccuracy => Ratio(outcomes.Count(o => o.Result.Category.ToCode() == o.Message.ExpectedCategory), Count);

    public double GradeAccuracy => Ratio(outcomes.Count(o => (int)o.Result.Grade == o.Message.ExpectedGrade), Count);

    /// <summary>The report; <paramref name="withMisses"/> false leaves out the misses' texts, for a sealed split whose misses must not be read.</summary>
    public string Report(string title, bool withMisses = true)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"== {title}: {Count} messages");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"life at risk: precision {LifePrecision:0.000}, recall {LifeRecall:0.000} (true {LifeTruePositives}, false alarms {LifeFalsePositives}, missed {LifeFalseNegatives})");
        text.AppendLine(CultureInfo.InvariantCulture, $"category accuracy {CategoryAccuracy:0.000}, grade accuracy {GradeAccuracy:0.000}");
        text.AppendLine("category              precision  recall  expected");
        foreach (var category in TriageCategoryCodes.All)
        {
            var code = category.ToCode();
            var expected = outcomes.Count(o => o.Message.ExpectedCategory == code);
            var predicted = outcomes.Count(o => o.Result.Category == category);
            var right = outcomes.Count(o => o.Message.ExpectedCategory == code && o.Result.Category == category);
            if (expected == 0 && predicted == 0)
                continue;
            text.AppendLine(CultureInfo.InvariantCulture, $"{code,-21} {Ratio(right, predicted),9:0.000} {Ratio(right, expected),7:0.000} {expected,9}");
        }
        text.AppendLine("grade confusion (rows expected, columns suggested):");
        text.AppendLine("       g1   g2   g3   g4");
        for (var expected = 1; expected <= 4; expected++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  g{expected} ");
            for (var suggested = 1; suggested <= 4; suggested++)
                text.Append(CultureInfo.InvariantCulture, $"{outcomes.Count(o => o.Message.ExpectedGrade == expected && (int)o.Result.Grade == suggested),5}");
            text.AppendLine();
        }
        if (!withMisses)
        {
            text.AppendLine("(misses not printed: sealed)");
            return text.ToString();
        }
        text.AppendLine("misses (expected grade/life/category -> suggested):");
        foreach (var (message, result) in outcomes)
        {
            var code = result.Category.ToCode();
            if ((int)result.Grade == message.ExpectedGrade && result.LifeAtRisk == message.ExpectedLifeAtRisk && code == message.ExpectedCategory)
                continue;
            var marker = result.LifeAtRisk == message.ExpectedLifeAtRisk ? "   " : (message.ExpectedLifeAtRisk ? "FN " : "FP ");
            var fired = string.Join(", ", result.Indicators.Select(i => $"{i.Name}:'{i.Text}'" + (i.Discount == Discount.None ? "" : $"({i.Discount})")));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{marker}{message.Id} {message.ExpectedGrade}/{Life(message.ExpectedLifeAtRisk)}/{message.ExpectedCategory} -> {(int)result.Grade}/{Life(result.LifeAtRisk)}/{code}: \"{message.Text}\" [{fired}]");
        }
        return text.ToString();
    }

    private static string Life(bool lifeAtRisk) => lifeAtRisk ? "life" : "-";

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;
}
