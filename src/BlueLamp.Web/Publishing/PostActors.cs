using System.Security.Claims;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Web.Publishing;

/// <summary>Turns a signed-in principal into a <see cref="PostActor"/>, with the posting rights the register gives them.</summary>
public sealed class PostActors(BlueLampDbFactory dbs)
{
    public async Task<PostActor?> FromAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        if (DeskUser.From(principal) is not { } user)
            return null;
        await using var db = dbs.ForForce(user.ForceId);
        var rights = await db.PostingRights.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user.UserId, cancellationToken);
        return new PostActor(user.ForceId, user.UserId, user.DisplayName, principal!.IsInRole(Roles.CommsOfficer), principal.IsInRole(Roles.Supervisor), rights);
    }
}
