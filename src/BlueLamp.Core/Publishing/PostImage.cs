namespace BlueLamp.Core.Publishing;

/// <summary>An image attached to a post, by its public address, with the alt text that describes it to people who cannot see it.</summary>
public sealed record PostImage(string Url, string AltText);
