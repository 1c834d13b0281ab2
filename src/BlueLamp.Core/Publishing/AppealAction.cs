namespace BlueLamp.Core.Publishing;

/// <summary>
/// What the system prompts for when an appeal's case changes: the action, why (in words for the comms officer), and
/// whether a short replacement update may go out instead of silence (a "found, thank you" post), and whether comments
/// on the case's other posts that stay up (an incident update) must be turned off where the platform allows.
/// </summary>
public sealed record AppealAction(AppealActionKind Kind, string Prompt, bool MayReplace = false, string? SuggestedReplacement = null, bool CloseCommentsOnRelated = false)
{
    public static AppealAction Nothing(string prompt) => new(AppealActionKind.None, prompt);
}
