using System.Security.Claims;
using BlueLamp.Data.Identity;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BlueLamp.Web.Components.Account;

/// <summary>The account endpoints the static login and account pages post to.</summary>
internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<BlueLampUser> signInManager,
            [FromServices] LoginAudit loginAudit,
            [FromForm] string? returnUrl) =>
        {
            await loginAudit.LoggedOutAsync(user);
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/{returnUrl}");
        });

        return accountGroup;
    }
}
