using System.Text.RegularExpressions;
using BlueLamp.Core.Forces;

namespace BlueLamp.Core.Contact;

/// <summary>
/// A force's prepared answer, in English or Welsh, with placeholders such as <c>{name}</c>, <c>{force}</c>
/// and <c>{reference}</c> filled in when it is used.
/// </summary>
public sealed partial class ReplyTemplate : IForceOwned
{
    public const int MaxBodyLength = 2000;

    private ReplyTemplate() { Title = ""; Body = ""; Language = "en"; }

    public ReplyTemplate(Guid id, Guid forceId, string title, string language, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        if (language is not ("en" or "cy"))
            throw new ArgumentException("A template is in English (en) or Welsh (cy).", nameof(language));
        if (body.Length > MaxBodyLength)
            throw new ArgumentException($"A template may hold at most {MaxBodyLength} characters.", nameof(body));
        Id = id;
        ForceId = forceId;
        Title = title.Trim();
        Language = language;
        Body = body.Trim();
    }

    public Guid Id { get; private set; }

    public Guid ForceId { get; private set; }

    public string Title { get; private set; }

    /// <summary>"en" or "cy".</summary>
    public string Language { get; private set; }

    public string Body { get; private set; }

    /// <summary>Fills the placeholders it knows; unknown ones stay visible so the operator notices them before sending.</summary>
    public string Render(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(Body, m =>
            values.TryGetValue(m.Groups[1].Value, out var value) && !string.IsNullOrWhiteSpace(value) ? value : m.Value);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
