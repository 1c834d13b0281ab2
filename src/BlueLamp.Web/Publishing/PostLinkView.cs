using BlueLamp.Core.Contact;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Web.Publishing;

/// <summary>The post a conversation responds to, as the desk shows it ("Comment under: …").</summary>
public sealed record PostLinkView(Guid PostId, PostPurpose Purpose, string? CaseReference, string Title, PostLinkSource Source, string LinkedByName, DateTimeOffset LinkedAt);

/// <summary>An open, published appeal an operator may link a DM conversation to.</summary>
public sealed record AppealChoice(Guid PostId, PostPurpose Purpose, string CaseReference, string Title);
