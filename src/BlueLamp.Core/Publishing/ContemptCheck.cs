using System.Text.RegularExpressions;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// Looks in an appeal's text for what can prejudice a trial once proceedings are active: previous convictions, and
/// comments on the character of someone linked to the case. It warns; a person decides (a wanted appeal may rightly
/// say "do not approach"), and the decision to send it anyway is recorded.
/// </summary>
public static partial class ContemptCheck
{
    public static IReadOnlyList<ContemptWarning> Check(params string?[] texts)
    {
        var warnings = new List<ContemptWarning>();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            foreach (Match match in Convictions().Matches(text))
                Add(warnings, match.Value, "It refers to previous convictions or a criminal past: a jury must not learn of them from the police.");
            foreach (Match match in Character().Matches(text))
                Add(warnings, match.Value, "It comments on the character of someone linked to an active case, which can prejudice a fair trial.");
        }
        return warnings;
    }

    private static void Add(List<ContemptWarning> warnings, string phrase, string why)
    {
        if (!warnings.Any(w => string.Equals(w.Phrase, phrase, StringComparison.OrdinalIgnoreCase)))
            warnings.Add(new ContemptWarning(phrase, why));
    }

    [GeneratedRegex(@"\b(previous(ly)?\s+convict(ed|ions?)|prior\s+convictions?|criminal\s+(record|past|history)|known\s+to\s+(the\s+)?police|convicted\s+(of|for|in)\b|has\s+a\s+history\s+of|served\s+(a\s+)?(prison|jail)\s+(sentence|term|time)|(jailed|imprisoned)\s+(before|previously|in\s+\d{4})|released\s+from\s+prison|(is|was)\s+on\s+licence|repeat\s+offender|prolific\s+(offender|burglar|thief|shoplifter))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Convictions();

    [GeneratedRegex(@"\b(dangerous\s+(man|woman|individual|person|criminal)|violent\s+(man|woman|thug|individual|person|criminal)|thug|monster|evil|predator|notorious|career\s+criminal|serial\s+offender|menace\s+to\s+(society|the\s+community)|nasty\s+piece\s+of\s+work)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Character();
}
