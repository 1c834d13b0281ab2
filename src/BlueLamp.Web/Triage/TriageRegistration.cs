using BlueLamp.Core.Triage;

namespace BlueLamp.Web.Triage;

/// <summary>The triage engine, the SLA policy, the desk clock and the control room.</summary>
public static class TriageRegistration
{
    public static WebApplicationBuilder AddTriage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TriageEngine.Default);
        builder.Services.AddSingleton(SlaPolicy.Default);
        builder.Services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.Section)
            .Validate(o => o.HandoverAcknowledgeLimit > TimeSpan.Zero && o.ClockInterval > TimeSpan.Zero, "Triage limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DeskClock>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeskClock>());
        builder.Services.AddSingleton<ControlRoom>();
        builder.Services.AddSingleton<LifeAtRiskAlarms>();
        builder.Services.AddSingleton<EmergencyReferrals>();
        return builder;
    }
}
