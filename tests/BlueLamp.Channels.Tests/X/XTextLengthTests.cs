using BlueLamp.Channels.X;

namespace BlueLamp.Channels.Tests.X;

public class XTextLengthTests
{
    [Theory]
    [InlineData("Hello", 5)]
    [InlineData("Diolch yn fawr", 14)]
    [InlineData("你好", 4)]
    [InlineData("こんにちは", 10)]
    [InlineData("👍", 2)]
    [InlineData("👍🏽", 2)]
    [InlineData("👨‍👩‍👧‍👦", 2)]
    [InlineData("❤️", 2)]
    [InlineData("“quoted” — dash", 15)]
    [InlineData("Report it at https://www.northshire.police.uk/ro/report/ocr/af/how-to-report-a-crime/ please", 13 + 23 + 7)]
    [InlineData("see met.police.uk.", 4 + 23 + 1)]
    [InlineData("e.g. this", 9)]
    public void Length_is_counted_as_X_counts_it(string text, int expected)
    {
        Assert.Equal(expected, XTextLength.Count(text));
    }

    [Fact]
    public void Decomposed_accents_are_normalised_before_counting()
    {
        Assert.Equal(4, XTextLength.Count("cafe\u0301"));
    }

    [Fact]
    public void Two_hundred_and_eighty_latin_characters_fit_and_one_more_is_refused_with_a_reason()
    {
        Assert.True(XTextLength.Check(new string('a', 280)).Fits);
        var over = XTextLength.Check(new string('a', 281));

        Assert.False(over.Fits);
        Assert.Contains("280", over.Reason, StringComparison.Ordinal);
        Assert.Contains("281", over.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_hundred_and_forty_CJK_characters_fill_a_post()
    {
        Assert.True(XTextLength.Check(new string('警', 140)).Fits);
        Assert.False(XTextLength.Check(new string('警', 141)).Fits);
    }
}
