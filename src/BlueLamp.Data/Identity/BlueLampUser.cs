using Microsoft.AspNetCore.Identity;

namespace BlueLamp.Data.Identity;

/// <summary>A member of police staff who logs in to BlueLamp; belongs to exactly one force.</summary>
public sealed class BlueLampUser : IdentityUser
{
    public Guid ForceId { get; set; }

    /// <summary>How the user is shown on the desk and in the audit trail, e.g. "PC 1234 Jones".</summary>
    public string DisplayName { get; set; } = "";
}
