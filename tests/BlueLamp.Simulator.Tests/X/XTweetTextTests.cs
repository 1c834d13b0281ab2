using BlueLamp.Simulator.X;

namespace BlueLamp.Simulator.Tests.X;

public sealed class XTweetTextTests
{
    [Theory]
    [InlineData("Road closed", 11)]
    [InlineData("🚓", 2)]
    [InlineData("👩‍👩‍👧", 2)]
    [InlineData("警察", 4)]
    [InlineData("Details: https://example.police.uk/a/very/long/path/that/is/long", 32)]
    public void Length_is_counted_as_X_counts_it(string text, int expected)
    {
        Assert.Equal(expected, XTweetText.WeightedLength(text));
    }
}
