using System.Globalization;
using System.Security.Claims;

namespace BlueLamp.Web.Identity;

/// <summary>The claims BlueLamp adds to a signed-in user, and how to read them back.</summary>
public static class BlueLampClaims
{
    public const string ForceId = "bluelamp:force";
    public const string DisplayName = "bluelamp:name";

    public static Guid? FindForceId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(ForceId), CultureInfo.InvariantCulture, out var id) ? id : null;
}
