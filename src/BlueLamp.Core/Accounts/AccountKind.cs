namespace BlueLamp.Core.Accounts;

/// <summary>Who an official account speaks for.</summary>
public enum AccountKind
{
    Corporate = 1,
    Area = 2,
    Team = 3,
    Named = 4,
}
