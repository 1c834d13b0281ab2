using System.Globalization;
using System.Text;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Identity;
using BlueLamp.Data;
using BlueLamp.Data.Audit;
using BlueLamp.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BlueLamp.Web.Audit;

/// <summary>The auditor's export of the trail, with every field and hash, so it can be verified outside BlueLamp.</summary>
public static class AuditEndpoints
{
    public static WebApplicationBuilder AddAuditTrailPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditTrailReader>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/audit").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.AuditReaders });
        group.MapGet("/export.csv", async (HttpContext http, AuditTrailReader reader, BlueLampDbFactory dbs, AuditTrail audit, CancellationToken ct) =>
        {
            var user = DeskUser.From(http.User);
            if (user is null)
                return Results.Forbid();
            await using (var db = dbs.ForForce(user.ForceId))
                await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.AuditExported, user.UserId, user.DisplayName, "audit", null, "CSV export"), ct);

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
            await writer.WriteLineAsync("sequence,at,actor_id,actor_name,action,subject_type,subject_id,detail,previous_hash,hash");
            await foreach (var e in reader.ReadAllAsync(user.ForceId, ct))
            {
                await writer.WriteLineAsync(string.Join(',',
                    e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture),
                    Csv(e.ActorId), Csv(e.ActorName), Csv(e.Action), Csv(e.SubjectType), Csv(e.SubjectId), Csv(e.Detail),
                    e.PreviousHash, e.Hash));
            }
            return Results.Empty;
        });
        return endpoints;
    }

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        // Quote always; neutralise spreadsheet formulas so an export opened in Excel cannot run anything.
        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
