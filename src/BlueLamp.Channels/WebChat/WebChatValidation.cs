using System.Text.RegularExpressions;

namespace BlueLamp.Channels.WebChat;

/// <summary>Checks a web-chat post and says, per field, what the person must change.</summary>
public static partial class WebChatValidation
{
    /// <summary>Returns the errors by field name (empty when the post is acceptable) and the cleaned-up post.</summary>
    public static (IReadOnlyDictionary<string, string[]> Errors, WebChatPost Clean) Validate(WebChatPost? post)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (post is null)
        {
            errors["text"] = ["Send a message as JSON: {\"text\": \"...\", \"clientMessageId\": \"...\"}."];
            return (errors, new WebChatPost(null, null, null));
        }

        var text = post.Text?.Trim() ?? "";
        if (text.Length == 0)
            errors["text"] = ["Type a message before sending."];
        else if (text.Length > WebChatLimits.MaxTextLength)
            errors["text"] = [$"Your message is {text.Length} characters long; the limit is {WebChatLimits.MaxTextLength}. Please shorten it or send it in parts."];
        else if (HasControlCharacters(text))
            errors["text"] = ["Your message contains characters that cannot be sent. Please retype it."];

        var clientId = post.ClientMessageId?.Trim() ?? "";
        if (clientId.Length == 0 || clientId.Length > WebChatLimits.MaxClientMessageIdLength || !ClientIdPattern().IsMatch(clientId))
            errors["clientMessageId"] = [$"clientMessageId must be 1-{WebChatLimits.MaxClientMessageIdLength} letters, digits, '-' or '_'."];

        var name = post.Name?.Trim();
        if (name is { Length: > WebChatLimits.MaxNameLength })
            errors["name"] = [$"Your name can be at most {WebChatLimits.MaxNameLength} characters."];
        else if (name is not null && HasControlCharacters(name))
            errors["name"] = ["Your name contains characters that cannot be used."];

        return (errors, new WebChatPost(text, clientId, string.IsNullOrEmpty(name) ? null : name));
    }

    private static bool HasControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
                return true;
        }
        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
