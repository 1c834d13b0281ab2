using BlueLamp.Core.Contact;

namespace BlueLamp.Core.Tests.Contact;

public sealed class SurgeTests
{
    [Theory]
    [InlineData("Huge fire at the warehouse on Mill Road, loads of black smoke", "Fire on Mill Road warehouse!! black smoke everywhere")]
    [InlineData("Helicopter circling over Riverside estate for an hour what's going on", "whats the helicopter over riverside estate for?? been circling an hour")]
    public void Reports_of_the_same_event_in_different_words_are_the_same_matter(string a, string b)
    {
        Assert.True(SurgeSimilarity.SameMatter(SurgeSimilarity.Words(a), SurgeSimilarity.Words(b)));
    }

    [Theory]
    [InlineData("Huge fire at the warehouse on Mill Road", "My bike was stolen from Mill Road station")]
    [InlineData("thanks for your help", "thank you for the help")]
    [InlineData("Hello is anyone there", "hello is anyone there?")]
    public void Different_matters_and_short_pleasantries_are_not_a_surge(string a, string b)
    {
        Assert.False(SurgeSimilarity.SameMatter(SurgeSimilarity.Words(a), SurgeSimilarity.Words(b)));
    }

    [Fact]
    public void Accents_case_and_common_words_do_not_count()
    {
        var words = SurgeSimilarity.Words("The CAFÉ on Stryd Fawr is ON FIRE and the police are there");
        Assert.Contains("cafe", words);
        Assert.Contains("fire", words);
        Assert.DoesNotContain("the", words);
        Assert.DoesNotContain("police", words);
    }
}
