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
}
