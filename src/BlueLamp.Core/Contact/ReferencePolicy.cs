using System.Text.RegularExpressions;

namespace BlueLamp.Core.Contact;

/// <summary>
/// What a force's crime, incident and intelligence numbers look like, so a mistyped reference is caught
/// at the desk rather than in an investigation. Patterns are data; <see cref="Default"/> suits many forces.
/// </summary>
public sealed class ReferencePolicy
{
    private readonly Dictionary<ReferenceKind, (Regex Pattern, string Example)> _formats;

    public ReferencePolicy(IReadOnlyDictionary<ReferenceKind, (string Pattern, string Example)> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        _formats = formats.ToDictionary(
            f => f.Key,
            f => (new Regex(f.Value.Pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50)), f.Value.Example));
    }

    /// <summary>Crime: e.g. CR/12345/26; incident (command and control log): e.g. 0412 25/11/26; intelligence: e.g. INT-123456.</summary>
    public static ReferencePolicy Default { get; } = new(new Dictionary<ReferenceKind, (string, string)>
    {
        [ReferenceKind.Crime] = (@"^CR/\d{4,8}/\d{2}$", "CR/12345/26"),
        [ReferenceKind.Incident] = (@"^\d{3,4} \d{2}/\d{2}/\d{2}$", "0412 25/11/26"),
        [ReferenceKind.Intelligence] = (@"^INT-\d{5,9}$", "INT-123456"),
    });

    private static string Described(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Incident => "an incident",
        ReferenceKind.Intelligence => "an intelligence",
        _ => "a crime",
    };

    /// <summary>Null when the value fits the kind's format; otherwise what is wrong, with an example.</summary>
    public string? Check(ReferenceKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return "Enter the reference number.";
        if (!_formats.TryGetValue(kind, out var format))
            return $"This force does not use {kind} references.";
        return format.Pattern.IsMatch(value.Trim())
            ? null
            : $"That does not look like {Described(kind)} reference; they look like {format.Example}.";
    }
}
