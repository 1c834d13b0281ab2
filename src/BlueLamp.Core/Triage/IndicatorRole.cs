namespace BlueLamp.Core.Triage;

/// <summary>What an indicator contributes to an assessment when its phrase is found.</summary>
public enum IndicatorRole
{
    /// <summary>Evidence for a category, with a weight; may also be evidence of a threat to life.</summary>
    Category = 0,

    /// <summary>It is happening now or soon ("now", "tonight", "heno"): raises life-at-risk evidence and some grades.</summary>
    Immediacy = 1,

    /// <summary>A means of harm is named (pills, rope, knife, bridge): raises life-at-risk evidence.</summary>
    Means = 2,

    /// <summary>"not", "never", "ddim": discounts a category phrase that follows closely in the same clause.</summary>
    Negation = 3,

    /// <summary>Fiction, study or a thought experiment ("in the film", "for my essay"): discounts threat-to-life phrases.</summary>
    Hypothetical = 4,

    /// <summary>It is not happening now ("years ago", "used to", "I'm safe"): a threat-to-life phrase still sets the category but not life at risk, unless something says now.</summary>
    Past = 5,

    /// <summary>"lol", "😂", "jk": discounts phrases that people often say as hyperbole, and with a trivial cause any threat-to-life phrase.</summary>
    Joke = 6,

    /// <summary>
    /// A trivial cause ("if we lose", "the ref", "exams"): only with a joke marker does it discount a threat-to-life phrase,
    /// because real distress is often about exams or work too — except, since engine 1.5.0, when the cause is the condition
    /// ("if they play him", "os", …) of a phrase people often say as hyperbole, which is then a joke without a laughing face.
    /// </summary>
    TrivialTrigger = 7,

    /// <summary>A figure of speech ("my feet are killing me", "could murder a pint"): discounts any category phrase it overlaps.</summary>
    Idiom = 8,

    /// <summary>Someone other than the writer is at risk ("my mate", "she").</summary>
    SubjectOther = 9,

    /// <summary>A child is at risk ("my son", "toddler", "plentyn").</summary>
    SubjectChild = 10,

    /// <summary>
    /// Someone is close by ("outside", "downstairs", "tu allan"): raises life-at-risk evidence like immediacy, but
    /// does not on its own make a crime report urgent ("stolen from outside the library").
    /// </summary>
    Nearby = 13,

    /// <summary>"not joking", "no joke", "dim jocan": the writer says they mean it, so joke markers discount nothing.</summary>
    NotJoking = 12,

    /// <summary>
    /// A part of a combination and nothing on its own: an act ("took", "jump", "neidio") or an object ("her", "the
    /// door") that means something only beside another part (see <see cref="Indicator.Combines"/>).
    /// </summary>
    Concept = 14,

    /// <summary>The message points at one of our appeals ("your appeal", "the missing girl"), so a sighting counts even in a DM.</summary>
    AppealReference = 11,

    /// <summary>
    /// A thought experiment only when its sentence is a question ("if someone tells you they're suicidal online, can you trace
    /// them?"): then it discounts threat-to-life phrases like <see cref="Hypothetical"/>; in a statement ("if someone could
    /// look after my cat") it is nothing. New in engine 1.7.0.
    /// </summary>
    HypotheticalQuestion = 15,
}
