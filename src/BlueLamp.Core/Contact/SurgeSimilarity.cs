using System.Globalization;
using System.Text;

namespace BlueLamp.Core.Contact;

/// <summary>
/// Decides whether two messages are about the same thing, for grouping a surge (a fire, a disorder) into one
/// desk item: the overlap of their meaningful words, ignoring case, accents and the commonest words of English
/// and Welsh. Cheap enough to compare a new message with hundreds of recent ones.
/// </summary>
public static class SurgeSimilarity
{
    /// <summary>Two messages sharing at least this share of their words (Jaccard) are the same matter.</summary>
    public const double Threshold = 0.45;

    /// <summary>…and at least this many words, so two short greetings are not a surge.</summary>
    public const int MinimumSharedWords = 3;

    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "has", "had", "her", "was", "one", "our", "out", "his",
        "how", "its", "who", "did", "get", "got", "him", "she", "too", "use", "way", "why", "with", "this", "that", "there", "their",
        "they", "them", "then", "than", "from", "have", "what", "when", "where", "which", "will", "just", "been", "into", "about",
        "some", "more", "also", "very", "your", "yours", "would", "could", "should", "please", "thanks", "thank", "police", "anyone",
        "know", "does", "like", "here", "near", "right", "now", "going", "lots", "loads", "really", "someone", "people",
        "mae", "yna", "yma", "gyda", "ond", "roedd", "oedd", "wedi", "heddlu", "dros", "hefyd",
    };

    /// <summary>The distinct meaningful words of a message (lower case, accents folded, three letters or more).</summary>
    public static IReadOnlySet<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length >= 3)
            {
                var word = current.ToString();
                if (!Stopwords.Contains(word))
                    words.Add(word);
            }
            current.Clear();
        }
    }

    public static bool SameMatter(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
            return false;
        var shared = a.Count(b.Contains);
        var union = a.Count + b.Count - shared;
        return shared >= MinimumSharedWords && (double)shared / union >= Threshold;
    }
}
