namespace BlueLamp.Core.Triage;

/// <summary>Whose safety a message is about, so the call handler knows who to look for.</summary>
public enum PersonAtRisk
{
    /// <summary>The words do not say.</summary>
    Unknown = 0,

    /// <summary>The person writing.</summary>
    Self = 1,

    /// <summary>An adult the writer is telling us about.</summary>
    SomeoneElse = 2,

    /// <summary>A child, whoever is writing.</summary>
    Child = 3,
}
