namespace BlueLamp.Core.Publishing;

/// <summary>
/// What the system prompts for when an appeal's case changes: the action, why (in words for the comms officer), and
/// whether a short replacement update may go out instead of silence (a "found, thank you" post).
/// </summary>
public sealed record AppealAction(AppealActionKind Kind, string Prompt, bool MayReplace = false, string? SuggestedReplacement = null)
{
    public static AppealAction Nothing(string prompt) => new(AppealActionKind.None, prompt);
}
