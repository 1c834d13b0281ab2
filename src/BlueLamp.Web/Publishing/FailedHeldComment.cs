using BlueLamp.Core.Accounts;

namespace BlueLamp.Web.Publishing;

/// <summary>A held comment the platform has not hidden, as the post page shows it: given up on, or waiting for its next attempt.</summary>
public sealed record FailedHeldComment(
    Guid MessageId, Guid ConversationId, Platform Platform, string PersonName, string Text, bool GaveUp, int Attempts, DateTimeOffset? NextAttemptAt, string Error);
