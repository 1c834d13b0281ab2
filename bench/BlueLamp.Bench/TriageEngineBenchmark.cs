using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BlueLamp.Core.Triage;

namespace BlueLamp.Bench;

/// <summary>
/// The triage engine on 280-character messages, the longest a post on X allows. Each invocation assesses
/// <see cref="MessageCount"/> different messages; BenchmarkDotNet reports time and allocation per message.
/// The "default+2000" set adds 2,000 indicators to show that allocation does not grow with the indicator count.
/// </summary>
[MemoryDiagnoser]
public class TriageEngineBenchmark
{
    private const int MessageCount = 64;

    private static readonly string[] Sentences =
    [
        "I'm going to kill myself tonight, I've got the pills here.",
        "kms lol what a miss, the ref is killing me 😂",
        "Think I saw her by the bus station about 10 mins ago, grey hoodie.",
        "My bike was stolen from outside the library yesterday afternoon.",
        "Dw i eisiau lladd fy hun heno, does dim pwynt byw.",
        "The neighbours are playing loud music at 3am every weekend again.",
        "Someone pretending to be from my bank got me to transfer £2000.",
        "Thank you to the officers who helped my mum last week, brilliant.",
        "my feet are killing me after that 10k, could murder a pint now",
        "he's hitting me right now please send someone, I'm hiding upstairs",
        "What time does the front counter at the central station open?",
        "I can't go on anymore. Nobody would even notice if I was gone.",
    ];

    private TriageEngine engine = null!;
    private string[] messages = null!;
    private TriageContext[] contexts = null!;

    [Params("default", "default+2000")]
    public string IndicatorSetName { get; set; } = "default";

    [GlobalSetup]
    public void Setup()
    {
        engine = IndicatorSetName == "default" ? TriageEngine.Default : new TriageEngine(Enlarged(IndicatorSet.Default, 2000));
        messages = new string[MessageCount];
        contexts = new TriageContext[MessageCount];
        for (var i = 0; i < MessageCount; i++)
        {
            messages[i] = Message280(i);
            contexts[i] = (i % 3) switch
            {
                0 => TriageContext.DirectMessage,
                1 => TriageContext.CommentUnder("missing_person"),
                _ => TriageContext.Mention,
            };
        }
    }

    [Benchmark(OperationsPerInvoke = MessageCount)]
    public int Assess280CharacterMessages()
    {
        var lifeAtRisk = 0;
        for (var i = 0; i < messages.Length; i++)
        {
            if (engine.Assess(messages[i], contexts[i]).LifeAtRisk)
                lifeAtRisk++;
        }
        return lifeAtRisk;
    }

    /// <summary>The best of five rounds of the process's CPU time per assessment, after a warm-up.</summary>
    public static double CpuMicrosecondsPerAssessment(string indicatorSetName)
    {
        var bench = new TriageEngineBenchmark { IndicatorSetName = indicatorSetName };
        bench.Setup();
        for (var warm = 0; warm < 300; warm++)
            bench.Assess280CharacterMessages();
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            const int Invocations = 500;
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < Invocations; i++)
                bench.Assess280CharacterMessages();
            var spent = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before;
            best = Math.Min(best, spent.TotalMicroseconds / (Invocations * MessageCount));
        }
        return best;
    }

    private static string Message280(int seed)
    {
        var text = new StringBuilder();
        var i = seed;
        while (text.Length < 280)
            text.Append(Sentences[i++ % Sentences.Length]).Append(' ');
        var cut = text.ToString(0, 280);
        // Never end between the two halves of an emoji.
        return char.IsHighSurrogate(cut[^1]) ? cut[..^1] + "." : cut;
    }

    private static IndicatorSet Enlarged(IndicatorSet set, int extra)
    {
        var indicators = set.Indicators.ToList();
        for (var n = 0; n < extra; n++)
        {
            var word = "zq" + n.ToString(CultureInfo.InvariantCulture);
            indicators.Add(new Indicator($"bench.{word}", IndicatorRole.Category, TriageCategory.Enquiry, 0.1, false, false,
                PersonAtRisk.Unknown, null, [$"{word} alpha/beta", $"gamma {word}"]));
        }
        return new IndicatorSet(set.Version + "+bench", set.LifeAtRiskThreshold, set.NegationWindow, set.AppealParents,
            set.Categories, indicators, set.WelshWords, set.EnglishWords);
    }
}
