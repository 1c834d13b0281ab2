using BlueLamp.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlueLamp.Web.Health;

/// <summary><c>/healthz</c>: 200 when the database answers, 503 when it does not.</summary>
public static class HealthRegistration
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<BlueLampDb>("database");
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                    details = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy || e.Value.Data.Count > 0)
                        .ToDictionary(e => e.Key, e => new { description = e.Value.Description, data = e.Value.Data }),
                });
            },
        }).AllowAnonymous();
        return endpoints;
    }
}
