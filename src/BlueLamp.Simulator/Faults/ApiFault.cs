namespace BlueLamp.Simulator.Faults;

/// <summary>The fault an API call must answer with, if any.</summary>
public enum ApiFault
{
    None,
    TokenExpired,
    RateLimited,
    ServerError,
}
