namespace BlueLamp.Channels.Tests;

/// <summary>Literal payloads kept under Samples/, read as the bytes a platform would send.</summary>
internal static class SampleFiles
{
    public static byte[] Bytes(string platform, string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", platform, name));

    public static string Text(string platform, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", platform, name));
}
