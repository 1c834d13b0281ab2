using BlueLamp.Core.Contact;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>Our own post that an inbound message responds to, found at intake: which, what for, and how it was recognised.</summary>
public sealed record RespondedPost(Guid PostId, PostPurpose Purpose, PostLinkSource Source);
