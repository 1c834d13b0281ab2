using System.Text.Json;
using BlueLamp.Core.Triage;
using Xunit;

namespace BlueLamp.Cli.Tests.Triage;

public sealed class TrainModelCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bluelamp-train-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["triage", "train-model", .. args], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string Line(string text, bool lifeAtRisk, string split) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString(),
        text,
        kind = "dm",
        parent = (string?)null,
        expectedLifeAtRisk = lifeAtRisk,
        split,
    });

    [Fact]
    public async Task Trains_on_tune_lines_only_and_writes_a_weights_file_that_loads()
    {
        var lines = new List<string>();
        string[] places = ["the bridge", "the car park roof", "the cliffs", "the railway", "the pier", "the quarry"];
        string[] chatter = ["my bike was stolen from the station", "what time does the front counter open", "thanks to the officers who helped",
            "loud music next door again", "someone keyed my car overnight", "how do I report a lost wallet"];
        for (var i = 0; i < 30; i++)
        {
            lines.Add(Line($"im at {places[i % places.Length]} and im going to jump, goodbye everyone {i}", true, "tune"));
            lines.Add(Line($"{chatter[i % chatter.Length]} number {i}", false, "tune"));
        }
        lines.Add(Line("a sealed message that must not be trained on", true, "sealed"));
        lines.Add(Line("a holdout message that must not be trained on", false, "holdout"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "small.jsonl"), lines, TestContext.Current.CancellationToken);
        var weights = Path.Combine(folder, "model.json");

        var (exitCode, output, error) = await RunAsync("--version", "t-1", "--corpora", folder, "--out", weights);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("training on 60 tune messages (30 life at risk) from small:tune", output, StringComparison.Ordinal);
        Assert.Contains("5-fold CV", output, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(weights, TestContext.Current.CancellationToken);
        var model = LifeAtRiskModel.Parse(json);
        Assert.Equal("t-1", model.Version);
        Assert.True(model.Probability("im at the bridge and im going to jump") > model.Probability("my bike was stolen"));
        using var file = JsonDocument.Parse(json);
        Assert.Equal(["small:tune"], file.RootElement.GetProperty("trainedOn").GetProperty("splits").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(60, file.RootElement.GetProperty("trainedOn").GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task Without_a_version_or_with_a_bad_corpus_line_nothing_is_written()
    {
        var weights = Path.Combine(folder, "model.json");
        await File.WriteAllLinesAsync(Path.Combine(folder, "bad.jsonl"), [Line("fine", false, "tune"), """{"id": "x", "text": "no label", "kind": "dm", "split": "tune"}"""], TestContext.Current.CancellationToken);

        var withoutVersion = await RunAsync("--corpora", folder, "--out", weights);
        var badLine = await RunAsync("--version", "t-2", "--corpora", folder, "--out", weights);

        Assert.Equal(2, withoutVersion.ExitCode);
        Assert.Contains("--version", withoutVersion.Error, StringComparison.Ordinal);
        Assert.Equal(2, badLine.ExitCode);
        Assert.Contains("bad line 2", badLine.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(weights));
    }
}
