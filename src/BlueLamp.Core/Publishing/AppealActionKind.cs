namespace BlueLamp.Core.Publishing;

/// <summary>What a change of case status requires of an appeal's copies.</summary>
public enum AppealActionKind
{
    None = 1,
    /// <summary>Take down every copy on every account, and record the removal.</summary>
    RemoveEveryCopy = 2,
}
