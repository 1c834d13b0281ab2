namespace BlueLamp.Core.Forces;

/// <summary>A police force: the tenant every other record belongs to.</summary>
public sealed class Force
{
    private Force() { Slug = ""; Name = ""; }

    public Force(Guid id, string slug, string name, DateTimeOffset createdAt)
    {
        if (!ForceSlug.IsValid(slug))
            throw new ArgumentException($"'{slug}' is not a valid force slug: use 2-40 lowercase letters, digits or hyphens.", nameof(slug));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Slug = slug;
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The short name used in public addresses, e.g. <c>/chat/demo</c>.</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The force's own public line posted when a comment is answered privately, in English; null for the default.</summary>
    public string? SafePublicLineEnglish { get; private set; }

    /// <summary>The same in Welsh; null for the default.</summary>
    public string? SafePublicLineWelsh { get; private set; }

    /// <summary>Sets the safe public lines (empty restores the default); returns the reason when one is refused, changing nothing.</summary>
    public string? SetSafePublicLines(string? english, string? welsh)
    {
        var en = string.IsNullOrWhiteSpace(english) ? null : english.Trim();
        var cy = string.IsNullOrWhiteSpace(welsh) ? null : welsh.Trim();
        if ((Contact.SafePublicLine.Problem(en) ?? Contact.SafePublicLine.Problem(cy)) is { } problem)
            return problem;
        SafePublicLineEnglish = en;
        SafePublicLineWelsh = cy;
        return null;
    }
}
