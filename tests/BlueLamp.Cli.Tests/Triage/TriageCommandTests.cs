using System.Text.Json;
using Xunit;

namespace BlueLamp.Cli.Tests.Triage;

public sealed class TriageCommandTests
{
    private static async Task<(int ExitCode, string[] Lines, string Error)> RunAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["triage", .. args], output, error, input: new StringReader(input));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (exitCode, lines, error.ToString());
    }

    [Fact]
    public async Task Each_input_line_gets_one_assessment_line_with_grade_life_at_risk_category_score_and_indicators()
    {
        const string input = """
            {"id": "a1", "text": "I'm going to kill myself tonight", "kind": "dm"}
            {"id": "a2", "text": "kms lol", "kind": "comment", "parent": "event"}
            """;

        var (exitCode, lines, _) = await RunAsync(input);

        Assert.Equal(0, exitCode);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("a1", root.GetProperty("id").GetString());
        Assert.Equal(1, root.GetProperty("grade").GetInt32());
        Assert.True(root.GetProperty("lifeAtRisk").GetBoolean());
        Assert.Equal("suicide_self_harm", root.GetProperty("category").GetString());
        Assert.True(root.GetProperty("score").GetDouble() > 0);
        var indicator = root.GetProperty("indicators").EnumerateArray().First();
        Assert.Equal("suicide.kill_myself", indicator.GetProperty("name").GetString());
        Assert.Equal("kill myself", indicator.GetProperty("span").GetString());
        Assert.True(indicator.GetProperty("weight").GetDouble() > 0);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.GetProperty("lifeAtRisk").GetBoolean());
    }

    [Fact]
    public async Task A_bad_line_gets_an_error_naming_its_line_and_the_others_are_still_assessed()
    {
        const string input = """
            {"id": "ok1", "text": "my bike was stolen", "kind": "dm"}
            this is not json
            {"id": "bad-kind", "text": "hello", "kind": "sms"}
            {"id": "no-text", "kind": "dm"}
            {"id": "ok2", "text": "thank you", "kind": "comment", "parent": null}
            """;

        var (exitCode, lines, _) = await RunAsync(input);

        Assert.Equal(0, exitCode);
        Assert.Equal(5, lines.Length);
        Assert.Equal("ok1", JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString());
        Assert.Equal(2, JsonDocument.Parse(lines[1]).RootElement.GetProperty("line").GetInt32());
        Assert.Contains("line 2", JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, JsonDocument.Parse(lines[2]).RootElement.GetProperty("line").GetInt32());
        Assert.Equal("bad-kind", JsonDocument.Parse(lines[2]).RootElement.GetProperty("id").GetString());
        Assert.Equal(4, JsonDocument.Parse(lines[3]).RootElement.GetProperty("line").GetInt32());
        Assert.Equal("ok2", JsonDocument.Parse(lines[4]).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_indicator_set_file_replaces_the_shipped_one()
    {
        var categories = string.Join(",", new[]
        {
            "suicide_self_harm", "violence_in_progress", "domestic_abuse", "child_at_risk", "missing_person", "sighting",
            "hate_crime", "sexual_offence", "fraud", "crime_report", "asb", "road", "enquiry", "complaint", "feedback",
            "abuse_of_police", "spam", "not_police_matter",
        }.Select(c => $$"""{"code": "{{c}}", "grade": 4}"""));
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $$"""
                {"version": "local-7", "lifeAtRiskThreshold": 0.5, "categories": [{{categories}}],
                 "indicators": [{"name": "local.geese", "category": "asb", "weight": 0.9, "phrases": ["geese"]}]}
                """, TestContext.Current.CancellationToken);

            var (exitCode, lines, _) = await RunAsync("""{"id": "g", "text": "geese on the bypass", "kind": "dm"}""", "--indicators", file);

            Assert.Equal(0, exitCode);
            var root = JsonDocument.Parse(Assert.Single(lines)).RootElement;
            Assert.Equal("asb", root.GetProperty("category").GetString());
            Assert.Equal("local-7", root.GetProperty("indicatorSetVersion").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unusable_indicator_set_file_is_refused_before_reading_input()
    {
        var (exitCode, lines, error) = await RunAsync("""{"id": "x", "text": "x", "kind": "dm"}""", "--indicators", "/nonexistent/indicators.json");

        Assert.NotEqual(0, exitCode);
        Assert.Empty(lines);
        Assert.Contains("/nonexistent/indicators.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_usage_text_lists_the_triage_command()
    {
        using var output = new StringWriter();
        await CliApp.RunAsync(["help"], output, TextWriter.Null);

        Assert.Contains("triage [--indicators FILE]", output.ToString(), StringComparison.Ordinal);
    }
}
