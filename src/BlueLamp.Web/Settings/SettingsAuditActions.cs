namespace BlueLamp.Web.Settings;

/// <summary>The audited actions of the settings pages, beside <see cref="Core.Audit.AuditActions"/>.</summary>
public static class SettingsAuditActions
{
    public const string SettingsViewed = "settings.viewed";
}
