using System.Text.Json;
using Microsoft.Playwright;

namespace BlueLamp.EndToEnd.Tests;

/// <summary>Runs axe-core in the page and fails on any serious or critical WCAG 2.x A/AA violation.</summary>
public static class Accessibility
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly string AxePath = Path.Combine(AppContext.BaseDirectory, "axe.min.js");

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!File.Exists(AxePath))
            throw new InvalidOperationException($"{AxePath} is missing: run `npm ci` in tests/BlueLamp.EndToEnd.Tests (./test.sh does).");
        await page.AddScriptTagAsync(new() { Path = AxePath });
        // Colours are checked as they settle, not halfway through a transition (a button turning from disabled grey to
        // its colour measures as a blend of the two): wait for every running CSS transition and animation to end.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => isFinite(a.effect?.getComputedTiming().endTime ?? Infinity)).map(a => a.finished.catch(() => null)))");
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }));
            }
            """);
        Assert.True(violations.GetArrayLength() == 0, $"axe-core found serious WCAG violations on {page.Url}:\n{JsonSerializer.Serialize(violations, Indented)}");
    }
}
