namespace BlueLamp.Core.Accounts;

/// <summary>Where the public reaches the force.</summary>
public enum Platform
{
    WebChat = 1,
    Facebook = 2,
    Instagram = 3,
    X = 4,
    Bluesky = 5,
}
