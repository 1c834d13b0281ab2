using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BlueLamp.Simulator.Meta;

/// <summary>
/// Writes JSON the way Meta's webhooks arrive: compact, every non-ASCII character escaped as a lowercase
/// \uXXXX (emoji as two surrogate escapes) and "/" escaped as "\/". A receiver that re-serialises before
/// checking X-Hub-Signature-256 gets a different hash; only the raw bytes verify.
/// </summary>
public static class MetaJson
{
    private static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(object value) => Encoding.ASCII.GetBytes(Escape(JsonSerializer.Serialize(value, Relaxed)));

    /// <summary>Re-escapes compact JSON text; '/' and non-ASCII occur only inside strings, so this is safe outside them too.</summary>
    public static string Escape(string json)
    {
        var output = new StringBuilder(json.Length + 16);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '\\' && i + 1 < json.Length)
            {
                if (json[i + 1] == 'u' && i + 5 < json.Length)
                {
                    output.Append("\\u").Append(json.AsSpan(i + 2, 4).ToString().ToLowerInvariant());
                    i += 5;
                }
                else
                {
                    output.Append(c).Append(json[i + 1]);
                    i++;
                }
            }
            else if (c == '/')
            {
                output.Append("\\/");
            }
            else if (c > 0x7e)
            {
                output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append(c);
            }
        }
        return output.ToString();
    }
}
