namespace BlueLamp.Core.Triage;

/// <summary>What raised a life-at-risk alarm, so the alarms operators overturn can be counted by what raised them.</summary>
public enum AlarmSource
{
    /// <summary>The indicator set's rules alone.</summary>
    Rules = 1,

    /// <summary>The statistical life-at-risk model, alone or adding its weak sign to rule evidence too weak alone.</summary>
    Model = 2,

    /// <summary>The message's context: the rules read it as life at risk only because of the post it is under (an appeal).</summary>
    Context = 3,

    /// <summary>An operator's judgement ("Mark life at risk").</summary>
    Operator = 4,

    /// <summary>A platform's or partner's emergency referral.</summary>
    Referral = 5,
}

/// <summary>Names of <see cref="AlarmSource"/> as the desk and the report show them.</summary>
public static class AlarmSourceNames
{
    public static string Describe(this AlarmSource source) => source switch
    {
        AlarmSource.Rules => "Rules (indicators)",
        AlarmSource.Model => "Life-at-risk model",
        AlarmSource.Context => "Context (the post it is under)",
        AlarmSource.Operator => "Operator",
        AlarmSource.Referral => "Platform referral",
        _ => source.ToString(),
    };
}
