namespace BlueLamp.Web.Channels;

/// <summary>What storing a batch of platform events did: how many were new, how many had been stored before.</summary>
public sealed record StoreOutcome(int Stored, int Duplicates);
