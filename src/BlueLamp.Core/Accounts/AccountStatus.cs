namespace BlueLamp.Core.Accounts;

/// <summary>Where an account is in its life: in use, being closed down, or closed.</summary>
public enum AccountStatus
{
    Active = 1,
    Retiring = 2,
    Retired = 3,
}
