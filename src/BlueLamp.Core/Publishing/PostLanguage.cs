namespace BlueLamp.Core.Publishing;

/// <summary>The language of one copy of a post. A Welsh version goes out with the English one, never later.</summary>
public enum PostLanguage
{
    English = 1,
    Welsh = 2,
}
