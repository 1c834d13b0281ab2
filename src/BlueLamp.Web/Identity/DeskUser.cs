using System.Security.Claims;

namespace BlueLamp.Web.Identity;

/// <summary>The signed-in member of staff as the desk sees them: who, in which force.</summary>
public sealed record DeskUser(string UserId, string DisplayName, Guid ForceId)
{
    /// <summary>Reads the user from a principal; null when not signed in or not tied to a force.</summary>
    public static DeskUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
            return null;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var forceId = principal.FindForceId();
        if (userId is null || forceId is null)
            return null;
        var name = principal.FindFirstValue(BlueLampClaims.DisplayName) ?? principal.Identity.Name ?? userId;
        return new DeskUser(userId, name, forceId.Value);
    }
}
