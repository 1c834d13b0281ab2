namespace BlueLamp.Simulator.Tests.Support;

/// <summary>One webhook as the stand-in BlueLamp received it: the exact bytes and the headers.</summary>
public sealed record ReceivedWebhook(string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public System.Text.Json.JsonDocument Json() => System.Text.Json.JsonDocument.Parse(Body);
}
