namespace BlueLamp.Core.Triage;

/// <summary>
/// The automatic risk assessment: finds an indicator set's phrases in a message and combines them with who
/// is at risk, immediacy, means, negation, jokes, idiom and the message's context into a grade, a category
/// and a life-at-risk flag that every indicator explains. Pure and thread-safe; one instance serves all.
/// </summary>
public sealed class TriageEngine
{
    /// <summary>The version of the combining logic, stored with every assessment. Change it when the logic changes.</summary>
    public const string Version = "1.11.0";

    /// <summary>
    /// The name of the indicator that explains a grade raised to 2 by rule evidence of a threat to life too weak for the
    /// alarm (new in 1.7.0); its span is the strongest such sign.
    /// </summary>
    public const string ConcernIndicatorName = "concern:threat-to-life";

    private const int CategorySlots = 19;

    private readonly IndicatorSet set;
    private readonly Indicator[] indicators;

    /// <summary>The categories with a threat-to-life phrase in the set: the ones a life-at-risk message can be filed under.</summary>
    private readonly bool[] lifeCategories;
    private readonly LifeAtRiskModel? model;
    private readonly string version;
    private readonly bool concernFloor;

    /// <summary>An engine over <paramref name="indicatorSet"/> with the life-at-risk model shipped with BlueLamp.</summary>
    public TriageEngine(IndicatorSet indicatorSet)
        : this(indicatorSet, LifeAtRiskModel.Default)
    {
    }

    /// <summary>An engine over <paramref name="indicatorSet"/> with <paramref name="lifeAtRiskModel"/>, or the rules alone when it is null.</summary>
    public TriageEngine(IndicatorSet indicatorSet, LifeAtRiskModel? lifeAtRiskModel)
        : this(indicatorSet, lifeAtRiskModel, concernFloor: true)
    {
    }

    /// <summary>The same, with the concern floor switched off: only to measure what the floor does (engine 1.6.0's grading).</summary>
    internal TriageEngine(IndicatorSet indicatorSet, LifeAtRiskModel? lifeAtRiskModel, bool concernFloor)
    {
        ArgumentNullException.ThrowIfNull(indicatorSet);
        this.concernFloor = concernFloor;
        set = indicatorSet;
        indicators = indicatorSet.Indicators.ToArray();
        lifeCategories = new bool[CategorySlots];
        foreach (var indicator in indicators)
        {
            if (indicator.Role == IndicatorRole.Category && indicator.LifeThreatening)
                lifeCategories[(int)indicator.Category!.Value] = true;
        }
        model = lifeAtRiskModel;
        version = model is null ? Version : $"{Version}+{model.Version}";
    }

    /// <summary>An engine over the indicator set shipped with BlueLamp.</summary>
    public static TriageEngine Default { get; } = new(IndicatorSet.Default);

    public IndicatorSet IndicatorSet => set;

    /// <summary>The statistical life-at-risk signal beside the rules, or null for the rules alone.</summary>
    public LifeAtRiskModel? LifeAtRiskModel => model;

    /// <summary>What each assessment stores as its engine version: <see cref="Version"/>, then the model's version after a '+'.</summary>
    public string EngineVersion => version;

    /// <summary>Assesses one message from the public in its context.</summary>
    public RiskAssessmentResult Assess(string text, TriageContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);

        var scratch = Read(text, out var welsh, out var english);
        var hits = scratch.Hits.AsSpan(0, scratch.HitCount);
        var signals = ReadSignals(scratch, hits);
        var sightingCounts = set.IsAppeal(context.ParentPurpose) || signals.AppealReference;

        Span<Discount> discounts = hits.Length <= 256 ? stackalloc Discount[hits.Length] : new Discount[hits.Length];
        for (var i = 0; i < hits.Length; i++)
            discounts[i] = hits[i].Removed ? Discount.None : DiscountOf(scratch, hits, i, signals, sightingCounts);
        DiscountDenied(hits, discounts);
        for (var i = 0; i < hits.Length; i++)
        {
            if (!hits[i].Removed && indicators[hits[i].Indicator].Requires is { } required && Counts(discounts[i]) && !HasCompanion(hits, discounts, required))
                discounts[i] = Discount.WithoutCompanion;
        }

        Span<double> categoryScore = stackalloc double[CategorySlots];
        Span<double> lifeByCategory = stackalloc double[CategorySlots];
        var lifeSum = 0.0;
        var strongLife = 0.0;
        for (var i = 0; i < hits.Length; i++)
        {
            var indicator = indicators[hits[i].Indicator];
            if (hits[i].Removed || indicator.Role != IndicatorRole.Category || !Counts(discounts[i]) || CountedBefore(hits, discounts, i))
                continue;
            var slot = (int)indicator.Category!.Value;
            // A danger told as past ("they found me on the bridge last year, thank you") still names its category, but
            // at half weight, so thanks or a question in the same message can outweigh it.
            if (!indicator.Supporting)
                categoryScore[slot] += discounts[i] == Discount.Past ? indicator.Weight / 2 : indicator.Weight;
            if (indicator.LifeThreatening && discounts[i] == Discount.None)
            {
                if (!indicator.Supporting)
                    strongLife += indicator.Weight;
                lifeSum += indicator.Weight;
                lifeByCategory[slot] += indicator.Weight;
            }
        }

        // Immediacy and means strengthen evidence of a threat to life; on their own they are no threat.
        var lifeScore = LifeScore(lifeSum, signals);
        var lifeAtRisk = lifeScore >= set.LifeAtRiskThreshold - 1e-9;

        // The model only ever raises, and never over the rules' reading of a joke, an idiom, fiction, a denial or the past.
        var vetoed = lifeAtRisk || Vetoed(hits, discounts, signals, lifeSum > 0);
        var modelProbability = 0.0;
        var concernProbability = 0.0;
        if (model is not null && !lifeAtRisk && scratch.TokenCount > 0 && !vetoed)
        {
            modelProbability = model.Probability(scratch, set.ModelClasses);
            // A joke the model reads (one without a trivial cause) can raise the concern floor, never the alarm. New in 1.11.0:
            // so can a question in which the rules found nothing at all ("Is the Riverside footpath closed after the
            // flooding?"): the model alone may not page the control room over a question with no sign of danger in it.
            var mayRaise = (!signals.Joke || signals.NotJoking) && !(scratch.HitCount == 0 && AsksAQuestion(scratch));
            if (mayRaise && modelProbability >= model.AlarmThreshold)
            {
                lifeAtRisk = true;
                lifeScore = Math.Max(lifeScore, set.LifeAtRiskThreshold);
            }
            else if (mayRaise && modelProbability >= model.SupportThreshold && lifeSum > 0
                && LifeScore(lifeSum + model.SupportWeight, signals) is var supported && supported >= set.LifeAtRiskThreshold - 1e-9)
            {
                lifeAtRisk = true;
                lifeScore = supported;
            }
            if (!lifeAtRisk)
            {
                concernProbability = modelProbability >= model.ConcernThreshold ? modelProbability : 0.0;
                modelProbability = 0.0;
            }
        }

        // New in 1.7.0, the concern floor: a real threat-to-life sign too weak for the alarm (the model in its concern band,
        // or rule evidence of a threat to life below the threshold) grades the message no lower than 2, read now, without
        // the alarm. A life-at-risk message graded 4 waits 72 hours, and the first look covers private messages only.
        // The rules' concern is a counted threat-to-life phrase, or a weak sign (a supporting one: "goodbye") with a means, "now"
        // or "outside" beside it — one weak sign alone is nothing ("goodbye twitter"). A counted sign has already passed the
        // discounts (joke, fiction, the past, negation), so a reading that vetoes the model elsewhere does not cancel it. A
        // weak sign that needs a companion counts too when the message is about someone else ("please check on him"): a
        // third party's worry for someone's safety. New in 1.8.0: so does a stronger sign that needs a companion, about someone
        // else, when something says now or outside (a diabetic grandad "not back" at 5pm "now", "no insulin").
        var ruleConcern = !lifeAtRisk
            && ((lifeSum > 0 && (strongLife > 0 || LifeScore(lifeSum, signals) > lifeSum)) || (signals.Other && SignWithoutCompanion(hits, discounts, signals.Immediacy > 0 || signals.Nearby > 0)));

        var category = lifeAtRisk && lifeSum > 0 ? Strongest(lifeByCategory) : Strongest(categoryScore);
        // New in 1.11.0: violence that endangers a life beside a sign of domestic abuse that also endangers it (hiding from him,
        // a silent call, "he'll kill her") is a domestic incident with a weapon or a threat, filed as domestic abuse, where the weapon's
        // weight alone used to file it as violence in progress.
        if (lifeAtRisk && category == TriageCategory.ViolenceInProgress && lifeByCategory[(int)TriageCategory.DomesticAbuse] > 0)
            category = TriageCategory.DomesticAbuse;
        // Raised by the model with no threat-to-life category the rules can name (none counted, or only one that never holds
        // a threat to life, such as a greeting's enquiry or a "cheers" read as feedback): new in 1.11.0, the threat to life
        // follows who is at risk — a child's is child at risk, someone else's (a bystander's emergency, an attack) violence in
        // progress, the writer's own suicide or self-harm — for the operator to correct.
        if (modelProbability > 0 && lifeSum == 0 && !lifeCategories[(int)category])
            category = WritesOfSelf(scratch, welsh > english) ? TriageCategory.SuicideOrSelfHarm
                : signals.Child ? TriageCategory.ChildAtRisk
                : signals.Other ? TriageCategory.ViolenceInProgress
                : TriageCategory.SuicideOrSelfHarm;
        // New in 1.7.0: a hypothetical question with nothing else counted ("hypothetically, if someone is threatened with a
        // knife, what's the charge?") is someone asking the force, an enquiry; the hypothetical phrase explains it.
        // New in 1.8.0: so is any question in which nothing else was counted ("Any idea how long? Bus 42 has stopped running").
        // New in 1.11.0: not a question put to the public ("anyone know a good plumber?", "who's drowning their sorrows after?")
        // unless it also speaks to the force ("can anyone from the police…", "@HarbourvalePolice does anyone know…").
        if (!lifeAtRisk && categoryScore[(int)category] == 0 && AsksAQuestion(scratch) && !AsksOnlyThePublic(scratch))
            category = TriageCategory.Enquiry;
        var grade = GradeOf(category, hits, discounts, signals, lifeAtRisk);
        // Only a floor that raised the grade is shown as one.
        if (concernFloor && (ruleConcern || concernProbability > 0) && grade > Grade.Priority)
            grade = Grade.Priority;
        else
            (ruleConcern, concernProbability) = (false, 0.0);
        var score = lifeAtRisk ? lifeScore : Math.Min(1.0, categoryScore[(int)category]);

        return new RiskAssessmentResult(
            grade,
            lifeAtRisk,
            category,
            Math.Round(score, 3),
            Math.Round(lifeScore, 3),
            PersonAtRiskOf(category, hits, discounts, signals),
            welsh > english ? "cy" : "en",
            Explain(text, scratch, hits, discounts, category, modelProbability, concernProbability, ruleConcern),
            version,
            set.Version,
            model?.Version)
        {
            RaisedBy = !lifeAtRisk ? null : modelProbability > 0 ? AlarmSource.Model : AlarmSource.Rules,
        };
    }

    /// <summary>
    /// Assesses a message in its full context, reusing <paramref name="withoutParent"/> — this message assessed by this engine
    /// before the post it is under was known (to route it) — when the post cannot change the reading: the engine reads a
    /// parent post only to let a sighting count under an appeal, so the earlier reading stands unless the post is an appeal
    /// and a sighting was set aside for want of one. When the appeal is what made the message life at risk, the
    /// result says so (<see cref="AlarmSource.Context"/>).
    /// </summary>
    public RiskAssessmentResult AssessInContext(string text, TriageContext context, RiskAssessmentResult? withoutParent)
    {
        ArgumentNullException.ThrowIfNull(context);
        var underAppeal = set.IsAppeal(context.ParentPurpose);
        var usable = withoutParent is not null && withoutParent.EngineVersion == version && withoutParent.IndicatorSetVersion == set.Version;
        if (usable && (!underAppeal || !withoutParent!.Indicators.Any(i => i.Discount == Discount.NoAppeal)))
            return withoutParent!;
        var result = Assess(text, context);
        if (result.RaisedBy != AlarmSource.Rules || !underAppeal)
            return result;
        // Rare (a life at risk under an appeal): whether the words alone would have said so.
        var alone = usable ? withoutParent! : Assess(text, context with { ParentPurpose = null });
        return alone.LifeAtRisk ? result : result with { RaisedBy = AlarmSource.Context };
    }

    /// <summary>
    /// Tokenises a message and finds the set's phrases and combinations in it, into this thread's scratch: what the rules
    /// and the life-at-risk model both read.
    /// </summary>
    internal TriageScratch Read(string text, out int welsh, out int english)
    {
        var scratch = TriageScratch.ForThisThread();
        TriageText.Tokenize(text, scratch);
        (welsh, english) = set.Matcher.Resolve(scratch);
        set.Matcher.Match(scratch, set.Parts);
        RemoveContainedHits(scratch);
        Combine(scratch);
        return scratch;
    }

    private static double LifeScore(double lifeSum, in Signals signals) =>
        lifeSum > 0 ? Math.Min(1.0, lifeSum + Math.Max(signals.Immediacy, signals.Nearby) + signals.Means) : 0.0;

    /// <summary>
    /// Whether the rules read the message as something the model cannot: a joke, fiction or a thought experiment, the
    /// past with nothing saying now, or a threat to life that is negated, idiom, denied, a joke, or a phrase that counts only
    /// beside a companion and was found alone ("sorry everyone, the quiz is off tonight").
    /// </summary>
    private bool Vetoed(ReadOnlySpan<TriageScratch.RawHit> hits, ReadOnlySpan<Discount> discounts, in Signals signals, bool otherLifeEvidence)
    {
        // New in 1.10.0: a laughing face vetoes the model only beside a trivial cause ("dying at this queue lol"); a joke
        // that covers a danger told in plain words ("lol so my dad's holding his chest … left arm's gone numb") is read
        // by the model for the concern floor only (see Assess), and a joke that discounted a threat-to-life phrase ("kms
        // lol") still vetoes it below.
        if (signals.Hypothetical || (signals.Joke && !signals.NotJoking && signals.Trivial) || (signals.Past && !signals.Present))
            return true;
        for (var i = 0; i < hits.Length; i++)
        {
            // New in 1.5.0: the rules read a figure of speech ("about to lose the will to live", "my boss is trying to kill
            // me with this workload"); a bag of words cannot, so the model does not overrule it.
            if (!hits[i].Removed && indicators[hits[i].Indicator].Role == IndicatorRole.Idiom)
                return true;
            // New in 1.7.0: a phrase found without its companion ("sorry everyone" with no other sign) vetoes the model only
            // when it is the only sign of a threat to life; beside a counted one ("written goodbye letters … her insulin pens
            // are empty") the model reads the message.
            if (!hits[i].Removed && indicators[hits[i].Indicator].LifeThreatening
                && discounts[i] is not (Discount.None or Discount.NoAppeal)
                && !(discounts[i] == Discount.WithoutCompanion && otherLifeEvidence))
            {
                return true;
            }
        }
        return false;
    }

    private void RemoveContainedHits(TriageScratch scratch)
    {
        // A phrase inside a longer one ("murder" in "could murder a pint", "now" in "doing better now")
        // is read as part of the longer one only. A concept or a means is still read inside any phrase but an idiom ("the
        // canal" inside "by the canal" is still a place for a child to be in danger, "bat" inside "with a bat" a weapon),
        // so the combinations see it.
        var hits = scratch.Hits.AsSpan(0, scratch.HitCount);
        for (var i = 0; i < hits.Length; i++)
        {
            var concept = indicators[hits[i].Indicator].Role is IndicatorRole.Concept or IndicatorRole.Means;
            for (var j = 0; j < i; j++)
            {
                var contains = hits[j].First < hits[i].First ? hits[j].Last >= hits[i].Last : hits[j].First == hits[i].First && hits[j].Last > hits[i].Last;
                if (!hits[j].Removed && contains
                    && (!concept || indicators[hits[j].Indicator].Role == IndicatorRole.Idiom))
                {
                    hits[i].Removed = true;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Adds a hit for each combination indicator whose parts are all found within its window ("took 40 of my mams
    /// sleeping pills": an act and a substance). The hit spans its parts, so it is discounted like a phrase.
    /// </summary>
    private void Combine(TriageScratch scratch)
    {
        var found = scratch.HitCount;
        foreach (var combination in set.Combinations)
        {
            for (var a = 0; a < found; a++)
            {
                var anchor = scratch.Hits[a];
                if (anchor.Removed || anchor.Indicator != combination.Parts[0])
                    continue;
                var first = anchor.First;
                var last = anchor.Last;
                var complete = true;
                for (var p = 1; p < combination.Parts.Length && complete; p++)
                    complete = Nearest(scratch, found, combination.Parts[p], combination.Within, ref first, ref last);
                if (complete)
                {
                    scratch.AddHit(combination.Indicator, first, last);
                    break;
                }
            }
        }
    }

    /// <summary>Widens first..last to the nearest hit of a part, if the result still fits the window.</summary>
    private static bool Nearest(TriageScratch scratch, int found, int part, int within, ref int first, ref int last)
    {
        var bestFirst = -1;
        var bestLast = -1;
        var bestSpan = int.MaxValue;
        for (var b = 0; b < found; b++)
        {
            var hit = scratch.Hits[b];
            if (hit.Removed || hit.Indicator != part)
                continue;
            var f = Math.Min(first, hit.First);
            var l = Math.Max(last, hit.Last);
            if (l - f + 1 <= within && l - f < bestSpan)
            {
                bestSpan = l - f;
                bestFirst = f;
                bestLast = l;
            }
        }
        if (bestSpan == int.MaxValue)
            return false;
        first = bestFirst;
        last = bestLast;
        return true;
    }

    private Signals ReadSignals(TriageScratch scratch, ReadOnlySpan<TriageScratch.RawHit> hits)
    {
        var signals = default(Signals);
        foreach (var hit in hits)
        {
            if (hit.Removed)
                continue;
            var indicator = indicators[hit.Indicator];
            switch (indicator.Role)
            {
                case IndicatorRole.Immediacy:
                    if (!QualifiesPast(scratch, hits, hit))
                    {
                        signals.Immediacy = Math.Max(signals.Immediacy, indicator.Weight);
                        signals.Present |= !InQuestion(scratch, hit);
                    }
                    break;
                case IndicatorRole.Nearby:
                    signals.Nearby = Math.Max(signals.Nearby, indicator.Weight);
                    break;
                case IndicatorRole.Means:
                    signals.Means = Math.Max(signals.Means, indicator.Weight);
                    break;
                case IndicatorRole.Hypothetical:
                    signals.Hypothetical = true;
                    break;
                case IndicatorRole.HypotheticalQuestion:
                    signals.Hypothetical |= InQuestion(scratch, hit);
                    break;
                case IndicatorRole.Past:
                    signals.Past = true;
                    break;
                case IndicatorRole.Joke:
                    signals.Joke = true;
                    break;
                case IndicatorRole.TrivialTrigger:
                    signals.Trivial = true;
                    // New in 1.7.0: a cause ("from embarrassment", "of boredom") reads like a condition; new in 1.9.0, "with this heat" too.
                    signals.TrivialCondition |= scratch.TokenChars(hit.First) is "if" or "os" or "from" or "of" or "with";
                    break;
                case IndicatorRole.SubjectOther:
                    signals.Other = true;
                    break;
                case IndicatorRole.SubjectChild:
                    signals.Child = true;
                    break;
                case IndicatorRole.AppealReference:
                    signals.AppealReference = true;
                    break;
                case IndicatorRole.NotJoking:
                    signals.NotJoking = true;
                    break;
            }
        }
        return signals;
    }

    /// <summary>
    /// "not going to do anything tonight", "safe tonight": a time word right after a past or safe statement, in the same
    /// clause, belongs to it and says nothing is happening now ("… last year. I'm heading to the cliffs" is not one).
    /// </summary>
    private bool QualifiesPast(TriageScratch scratch, ReadOnlySpan<TriageScratch.RawHit> hits, TriageScratch.RawHit immediacy)
    {
        foreach (var other in hits)
        {
            if (!other.Removed && indicators[other.Indicator].Role == IndicatorRole.Past && other.Last < immediacy.First && immediacy.First - other.Last - 1 <= set.NegationWindow
                && !Crosses(scratch, other.Last, immediacy.First, sentence: false))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a clause (or, with <paramref name="sentence"/>, a sentence) starts after token <paramref name="from"/> and at or before <paramref name="to"/>.</summary>
    /// <summary>"my dad went missing last month, thank you": a past phrase in the hit's own sentence.</summary>
    private bool PastInItsSentence(TriageScratch scratch, ReadOnlySpan<TriageScratch.RawHit> hits, TriageScratch.RawHit hit)
    {
        foreach (var other in hits)
        {
            if (!other.Removed && indicators[other.Indicator].Role == IndicatorRole.Past
                && !Crosses(scratch, Math.Min(other.First, hit.First), Math.Max(other.First, hit.First), sentence: true))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AsksAQuestion(TriageScratch scratch)
    {
        for (var t = 0; t < scratch.TokenCount; t++)
        {
            if (scratch.Tokens[t].EndsQuestion)
                return true;
        }
        return false;
    }

    /// <summary>
    /// A question to other readers ("anyone", "anybody", Welsh "unrhyw un", "rhywun") with no word for the force in it ("you",
    /// "police", a force handle, "heddlu", "chi"): chatter among the public, not an enquiry to the force.
    /// </summary>
    private static bool AsksOnlyThePublic(TriageScratch scratch)
    {
        var public_ = false;
        for (var t = 0; t < scratch.TokenCount; t++)
        {
            var token = scratch.TokenChars(t);
            if (token is "you" or "your" or "u" or "ur" or "yous" or "chi" or "eich" or "officer" or "officers"
                || token.Contains("police", StringComparison.Ordinal) || token.Contains("heddlu", StringComparison.Ordinal))
                return false;
            public_ |= token is "anyone" or "anybody" or "any1" or "rhywun" or "whos"
                || (token is "unrhyw" && t + 1 < scratch.TokenCount && scratch.TokenChars(t + 1) is "un");
        }
        return public_;
    }

    private static bool Crosses(TriageScratch scratch, int from, int to, bool sentence)
    {
        for (var t = from + 1; t <= to; t++)
        {
            if (sentence ? scratch.Tokens[t].SentenceStart : scratch.Tokens[t].ClauseStart)
                return true;
        }
        return false;
    }

    /// <summary>
    /// "… is it worth getting a non-molestation order now?": a time word in a question the writer asks says when they
    /// want to act, not that the danger they told of in the past is happening now.
    /// </summary>
    private static bool InQuestion(TriageScratch scratch, TriageScratch.RawHit hit)
    {
        for (var t = hit.Last; t < scratch.TokenCount; t++)
        {
            if (t > hit.Last && scratch.Tokens[t].SentenceStart)
                return false;
            if (scratch.Tokens[t].EndsQuestion)
                return true;
        }
        return false;
    }

    private Discount DiscountOf(TriageScratch scratch, ReadOnlySpan<TriageScratch.RawHit> hits, int index, in Signals signals, bool sightingCounts)
    {
        var hit = hits[index];
        var indicator = indicators[hit.Indicator];
        if (indicator.Role != IndicatorRole.Category)
            return Discount.None;
        if (OverlapsIdiom(hits, hit))
            return Discount.Idiom;
        if (IsNegated(scratch, hits, hit))
            return Discount.Negated;
        if (set.GradingOf(indicator.Category!.Value).NeedsAppeal && !sightingCounts)
            return Discount.NoAppeal;
        if (!indicator.LifeThreatening)
            return signals.Past && !signals.Present && PastInItsSentence(scratch, hits, hit) ? Discount.Past : Discount.None;
        if (signals.Hypothetical)
            return Discount.Hypothetical;
        // "kms lol" and "gonna kill myself if we lose again 😂" are jokes; a plain "I'm going to kill myself"
        // is not, even with a "lol" after it, unless it is about something trivial too.
        var joke = signals.Joke && !signals.NotJoking;
        if ((indicator.Hyperbole && joke) || (joke && signals.Trivial))
            return Discount.Joke;
        // New in 1.5.0: "im gonna unalive myself if they play him up front again" — loose talk made conditional on a
        // trivial event ("if we lose", "if they play him") is a joke without a laughing face too; a plain threat is not.
        if (indicator.Hyperbole && signals.TrivialCondition && !signals.NotJoking)
            return Discount.Joke;
        if (signals.Past && !signals.Present)
            return Discount.Past;
        return Discount.None;
    }

    /// <summary>
    /// "not suicidal or anything but nobody would care if I disappeared": when the writer denies a threat to life of a
    /// category, that category's phrases people often say loosely (hyperbole) are read as loose talk, not as the threat.
    /// Phrases that are not hyperbole ("I've taken 30 pills") still count whatever the writer denies.
    /// </summary>
    private void DiscountDenied(ReadOnlySpan<TriageScratch.RawHit> hits, Span<Discount> discounts)
    {
        for (var d = 0; d < hits.Length; d++)
        {
            var denied = indicators[hits[d].Indicator];
            if (hits[d].Removed || discounts[d] != Discount.Negated || !denied.LifeThreatening || denied.Hyperbole)
                continue;
            for (var i = 0; i < hits.Length; i++)
            {
                var indicator = indicators[hits[i].Indicator];
                if (!hits[i].Removed && discounts[i] == Discount.None && indicator.Hyperbole && indicator.LifeThreatening && indicator.Category == denied.Category)
                    discounts[i] = Discount.Denied;
            }
        }
    }

    private bool OverlapsIdiom(ReadOnlySpan<TriageScratch.RawHit> hits, TriageScratch.RawHit hit)
    {
        foreach (var other in hits)
        {
            if (!other.Removed && indicators[other.Indicator].Role == IndicatorRole.Idiom && other.First <= hit.Last && other.Last >= hit.First)
                return true;
        }
        return false;
    }

    private bool IsNegated(TriageScratch scratch, ReadOnlySpan<TriageScratch.RawHit> hits, TriageScratch.RawHit hit)
    {
        foreach (var other in hits)
        {
            if (other.Removed || indicators[other.Indicator].Role != IndicatorRole.Negation || other.Last >= hit.First)
                continue;
            if (hit.First - other.Last - 1 > set.NegationWindow)
                continue;
            var sameClause = true;
            for (var t = other.Last + 1; t <= hit.First; t++)
            {
                if (scratch.Tokens[t].ClauseStart)
                {
                    sameClause = false;
                    break;
                }
            }
            if (sameClause)
                return true;
        }
        return false;
    }

    private bool HasCompanion(ReadOnlySpan<TriageScratch.RawHit> hits, ReadOnlySpan<Discount> discounts, TriageCategory required)
    {
        for (var j = 0; j < hits.Length; j++)
        {
            var indicator = indicators[hits[j].Indicator];
            if (!hits[j].Removed && indicator.Role == IndicatorRole.Category && indicator.Requires is null && indicator.Category == required && Counts(discounts[j]))
                return true;
        }
        return false;
    }

    private static bool Counts(Discount discount) => discount is Discount.None or Discount.Past or Discount.Denied;

    private static bool CountedBefore(ReadOnlySpan<TriageScratch.RawHit> hits, ReadOnlySpan<Discount> discounts, int index)
    {
        // The same indicator counts once, however often its phrases appear ("help help help").
        for (var j = 0; j < index; j++)
        {
            if (!hits[j].Removed && hits[j].Indicator == hits[index].Indicator && Counts(discounts[j]))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the writer speaks of themself in the first person singular ("I'm", "ive", "me"; Welsh "fi", "dw i"), where a
    /// threat to life with no category named is most often their own. In Welsh "i" alone is also "to", so it does not count.
    /// </summary>
    private static bool WritesOfSelf(TriageScratch scratch, bool welsh)
    {
        for (var t = 0; t < scratch.TokenCount; t++)
        {
            var token = scratch.TokenChars(t);
            if (token is "i'm" or "im" or "i've" or "ive" or "iv" or "i'll" or "i'd" or "me" or "myself" or "fi" or "i'n"
                || (!welsh && token is "i"))
                return true;
        }
        return false;
    }

    private static TriageCategory Strongest(ReadOnlySpan<double> scores)
    {
        var best = TriageCategory.NotAPoliceMatter;
        var bestScore = 0.0;
        foreach (var category in TriageCategoryCodes.All)
        {
            var score = scores[(int)category];
            if (score > bestScore + 1e-9)
            {
                best = category;
                bestScore = score;
            }
        }
        return best;
    }

    private Grade GradeOf(TriageCategory category, ReadOnlySpan<TriageScratch.RawHit> hits, ReadOnlySpan<Discount> discounts, in Signals signals, bool lifeAtRisk)
    {
        if (lifeAtRisk)
            return Grade.Emergency;
        var grading = set.GradingOf(category);
        var grade = grading.Grade;
        if (signals.Immediacy > 0 && grading.ImmediateGrade is { } immediate && immediate < grade)
            grade = immediate;
        for (var i = 0; i < hits.Length; i++)
        {
            var indicator = indicators[hits[i].Indicator];
            // New in 1.7.0: a danger told as past ("he used to hit me years ago") names its category but not its urgency.
            if (!hits[i].Removed && indicator.Role == IndicatorRole.Category && indicator.Grade is { } own && discounts[i] is Discount.None or Discount.Denied && own < grade)
                grade = own;
        }
        return grade;
    }

    private PersonAtRisk PersonAtRiskOf(TriageCategory category, ReadOnlySpan<TriageScratch.RawHit> hits, ReadOnlySpan<Discount> discounts, in Signals signals)
    {
        var said = PersonAtRisk.Unknown;
        for (var i = 0; i < hits.Length; i++)
        {
            var indicator = indicators[hits[i].Indicator];
            if (!hits[i].Removed && indicator.Category == category && Counts(discounts[i]) && indicator.Subject != PersonAtRisk.Unknown)
            {
                said = indicator.Subject;
                break;
            }
        }
        return said switch
        {
            PersonAtRisk.Self or PersonAtRisk.Child => said,
            PersonAtRisk.SomeoneElse => signals.Child ? PersonAtRisk.Child : said,
            _ when category is TriageCategory.NotAPoliceMatter => PersonAtRisk.Unknown,
            _ when signals.Child => PersonAtRisk.Child,
            _ when signals.Other => PersonAtRisk.SomeoneElse,
            _ => PersonAtRisk.Unknown,
        };
    }

    private IndicatorHit[] Explain(
        string text, TriageScratch scratch, ReadOnlySpan<TriageScratch.RawHit> hits, ReadOnlySpan<Discount> discounts, TriageCategory category,
        double modelProbability, double concernProbability, bool ruleConcern)
    {
        // A concept alone says nothing; when it is part of a combination, the combination's hit spans it.
        var count = 0;
        foreach (var hit in hits)
        {
            if (!hit.Removed && indicators[hit.Indicator].Role != IndicatorRole.Concept)
                count++;
        }
        var byModel = modelProbability > 0 || concernProbability > 0;
        var strongestLife = ruleConcern ? StrongestLifeHit(hits, discounts) : -1;
        var explained = new IndicatorHit[count + (byModel ? 1 : 0) + (strongestLife >= 0 ? 1 : 0)];
        var n = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i].Removed || indicators[hits[i].Indicator].Role == IndicatorRole.Concept)
                continue;
            var indicator = indicators[hits[i].Indicator];
            var start = scratch.Tokens[hits[i].First].Start;
            var end = scratch.Tokens[hits[i].Last].End;
            explained[n++] = new IndicatorHit(
                indicator.Name, indicator.Role, indicator.Category, start, end - start, text[start..end],
                indicator.Weight, indicator.LifeThreatening, discounts[i]);
        }
        if (strongestLife >= 0)
        {
            // The concern floor's reason: the strongest sign of a threat to life the rules found, too weak for the alarm.
            var start = scratch.Tokens[hits[strongestLife].First].Start;
            var end = scratch.Tokens[hits[strongestLife].Last].End;
            explained[n++] = new IndicatorHit(
                ConcernIndicatorName, IndicatorRole.Category, category, start, end - start, text[start..end],
                indicators[hits[strongestLife].Indicator].Weight, false, Discount.None);
        }
        if (byModel)
        {
            // The model's words: the few neighbouring words that carried most of its evidence.
            var (first, last) = LifeAtRiskModel.StrongestWindow(scratch);
            var start = scratch.Tokens[first].Start;
            var end = scratch.Tokens[last].End;
            var alarm = modelProbability > 0;
            explained[n] = new IndicatorHit(
                alarm ? LifeAtRiskModel.IndicatorName : LifeAtRiskModel.ConcernIndicatorName, IndicatorRole.Category, category, start, end - start, text[start..end],
                Math.Round(alarm ? modelProbability : concernProbability, 3), alarm, Discount.None);
        }
        return explained;
    }

    /// <summary>
    /// "Please check on him": a weak (supporting) threat-to-life sign found without the companion it requires; new in 1.8.0,
    /// also a stronger one when something says now ("he's diabetic … now 5pm and not back, no insulin").
    /// </summary>
    private bool SignWithoutCompanion(ReadOnlySpan<TriageScratch.RawHit> hits, ReadOnlySpan<Discount> discounts, bool now)
    {
        for (var i = 0; i < hits.Length; i++)
        {
            var indicator = indicators[hits[i].Indicator];
            if (!hits[i].Removed && discounts[i] == Discount.WithoutCompanion && indicator.LifeThreatening && (indicator.Supporting || now))
                return true;
        }
        return false;
    }

    /// <summary>The counted (undiscounted) threat-to-life hit with the most weight, or -1.</summary>
    private int StrongestLifeHit(ReadOnlySpan<TriageScratch.RawHit> hits, ReadOnlySpan<Discount> discounts)
    {
        var best = -1;
        for (var i = 0; i < hits.Length; i++)
        {
            var indicator = indicators[hits[i].Indicator];
            if (!hits[i].Removed && indicator.Role == IndicatorRole.Category && indicator.LifeThreatening && discounts[i] is Discount.None or Discount.WithoutCompanion
                && (best < 0 || indicator.Weight > indicators[hits[best].Indicator].Weight))
            {
                best = i;
            }
        }
        return best;
    }

    private struct Signals
    {
        public double Immediacy;
        public bool Present;
        public double Means;
        public double Nearby;
        public bool Hypothetical;
        public bool Past;
        public bool Joke;
        public bool Trivial;
        public bool TrivialCondition;
        public bool Other;
        public bool Child;
        public bool AppealReference;
        public bool NotJoking;
    }
}
