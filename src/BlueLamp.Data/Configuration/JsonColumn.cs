using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlueLamp.Data.Configuration;

/// <summary>
/// Stores a value object (a post's wording, an appeal's authorisation) as one JSON text column: it is read and written
/// whole, never queried inside, and the same on SQLite and PostgreSQL.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
            v => Serialize(v),
            s => Deserialize<T>(s),
            new ValueComparer<T>((a, b) => Serialize(a) == Serialize(b), v => Serialize(v).GetHashCode(StringComparison.Ordinal), v => Deserialize<T>(Serialize(v))));
        return property;
    }

    private static string Serialize<T>(T value) => value is null ? "null" : JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
