using System.Security.Claims;
using BlueLamp.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Identity;

/// <summary>Puts the user's force and display name into the login cookie, beside Identity's own claims and roles.</summary>
internal sealed class BlueLampClaimsFactory(
    UserManager<BlueLampUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BlueLampUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BlueLampUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(BlueLampClaims.ForceId, user.ForceId.ToString("D")));
        identity.AddClaim(new Claim(BlueLampClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}
