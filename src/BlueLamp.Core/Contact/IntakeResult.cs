namespace BlueLamp.Core.Contact;

/// <summary>What became of an inbound message: stored now, or already stored before (a platform retry).</summary>
public sealed record IntakeResult(Guid ConversationId, Guid MessageId, Guid PersonId, bool Duplicate);
