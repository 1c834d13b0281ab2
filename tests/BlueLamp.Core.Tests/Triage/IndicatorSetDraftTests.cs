using BlueLamp.Core.Contact;
using BlueLamp.Core.Triage;

namespace BlueLamp.Core.Tests.Triage;

/// <summary>Editing an indicator set one indicator at a time: good edits give a new set, bad ones change nothing and say why.</summary>
public sealed class IndicatorSetDraftTests
{
    private static IndicatorSetDraft Shipped()
    {
        Assert.True(IndicatorSetDraft.TryOpen(IndicatorSetParser.DefaultJson(), out var draft, out var problem), problem);
        return draft;
    }

    private static IndicatorDraft Phrase(string name, params string[] phrases) =>
        IndicatorDraft.Blank with { Name = name, Category = "road", Weight = 0.6, Phrases = phrases };

    [Fact]
    public void The_shipped_set_written_back_keeps_every_rule_and_note()
    {
        var draft = Shipped();

        Assert.True(IndicatorSetDraft.TryOpen(draft.ToJson(), out var reopened, out var problem), problem);

        Assert.EndsWith("no rule changed", IndicatorSetChanges.Describe(IndicatorSet.Default, reopened.Set), StringComparison.Ordinal);
        Assert.Equal(IndicatorSet.Default.Indicators.Count, reopened.Indicators.Count);
        Assert.Equal(draft.Find("means.substance")!.Note, reopened.Find("means.substance")!.Note);
        Assert.NotNull(reopened.Find("means.substance")!.Note);
        Assert.Equal(IndicatorSet.Default.Categories, reopened.Set.Categories);
        Assert.Equal(IndicatorSet.Default.WelshWords, reopened.Set.WelshWords);
    }

    [Fact]
    public void An_added_indicator_is_used_by_the_draft_set_at_once()
    {
        var text = "There's a sinkhole opened up on the bypass by the retail park";
        Assert.DoesNotContain(TriageEngine.Default.Assess(text, TriageContext.DirectMessage).Indicators, h => h.Name == "road.sinkhole");

        var edit = Shipped().Put(null, Phrase("road.sinkhole", "sinkhole", "sink hole"));

        Assert.True(edit.Succeeded, string.Join("; ", edit.Errors.Values));
        var hit = Assert.Single(new TriageEngine(edit.Draft.Set).Assess(text, TriageContext.DirectMessage).Indicators, h => h.Name == "road.sinkhole");
        Assert.Equal("sinkhole", hit.Text);
        Assert.Contains("1 indicator added: road.sinkhole", IndicatorSetChanges.Describe(IndicatorSet.Default, edit.Draft.Set), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0.6, "sinkhole", "name")]
    [InlineData("suicide.word", 0.6, "sinkhole", "name")]
    [InlineData("road.sinkhole", 1.5, "sinkhole", "weight")]
    [InlineData("road.sinkhole", -0.1, "sinkhole", "weight")]
    [InlineData("road.sinkhole", 0.6, "sinkhole\n  ", "phrases")]
    [InlineData("road.sinkhole", 0.6, "* sinkhole", "phrases")]
    [InlineData("road.sinkhole", 0.6, "?", "phrases")]
    [InlineData("road.sinkhole", 0.6, "kill myself", "phrases")]
    public void A_bad_edit_is_refused_by_field_and_changes_nothing(string name, double weight, string phrases, string field)
    {
        var draft = Shipped();
        var before = draft.ToJson();

        var edit = draft.Put(null, Phrase(name, phrases.Split('\n')) with { Weight = weight });

        Assert.False(edit.Succeeded);
        Assert.Null(edit.Draft);
        Assert.False(string.IsNullOrWhiteSpace(edit.Errors[field]));
        Assert.Equal(before, draft.ToJson());
        Assert.Equal(IndicatorSet.Default.Indicators.Count, draft.Set.Indicators.Count);
    }

    [Fact]
    public void A_category_indicator_needs_its_category()
    {
        var edit = Shipped().Put(null, Phrase("road.sinkhole", "sinkhole") with { Category = null });

        Assert.Contains("category", edit.Errors["category"], StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_changes_the_indicator_in_place_and_a_rename_follows_into_combinations()
    {
        var draft = Shipped();
        var substance = draft.Find("means.substance")!;

        var edit = draft.Put("means.substance", substance with { Name = "means.drug", Weight = 0.3 });

        Assert.True(edit.Succeeded, string.Join("; ", edit.Errors.Values));
        Assert.Null(edit.Draft.Find("means.substance"));
        Assert.Equal(0.3, edit.Draft.Find("means.drug")!.Weight);
        Assert.Contains(edit.Draft.Indicators, i => i.Combines.Contains("means.drug"));
        Assert.DoesNotContain(edit.Draft.Indicators, i => i.Combines.Contains("means.substance"));
        Assert.Equal(draft.Indicators.Count, edit.Draft.Indicators.Count);
    }

    [Fact]
    public void Removing_an_indicator_a_combination_uses_is_refused_and_another_is_removed()
    {
        var draft = Shipped();
        var free = draft.Indicators.First(i => !i.IsCombination && !draft.Indicators.Any(c => c.Combines.Contains(i.Name)));

        var refused = draft.Remove("means.substance");
        var removed = draft.Remove(free.Name);

        Assert.False(refused.Succeeded);
        Assert.Contains("change or remove", refused.Errors["name"], StringComparison.Ordinal);
        Assert.True(removed.Succeeded);
        Assert.Null(removed.Draft.Find(free.Name));
        Assert.Contains($"1 removed: {free.Name}", IndicatorSetChanges.Describe(draft.Set, removed.Draft.Set), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025.07-1", "2025.07-2")]
    [InlineData("demo", "demo-2")]
    [InlineData("force-9", "force-10")]
    public void The_next_version_is_suggested(string version, string next) => Assert.Equal(next, IndicatorSetDraft.NextVersion(version));

    [Fact]
    public void A_new_version_is_checked()
    {
        var draft = Shipped();

        Assert.False(draft.WithVersion("  ").Succeeded);
        Assert.Equal("2026.11-1", draft.WithVersion("2026.11-1").Draft!.Version);
    }
}
