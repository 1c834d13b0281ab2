using System.Text.RegularExpressions;

namespace BlueLamp.Core.Forces;

/// <summary>The rule for a force's public short name.</summary>
public static partial class ForceSlug
{
    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
