namespace BlueLamp.DeskBench;

/// <summary>"--name value" pairs from the command line.</summary>
public sealed class BenchArguments(IReadOnlyList<string> args)
{
    public string? Get(string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--" + name)
                return args[i + 1];
        }
        return null;
    }

    public int Int(string name, int fallback) => Get(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
