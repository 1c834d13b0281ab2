using BlueLamp.Data;
using Microsoft.AspNetCore.DataProtection;
using BlueLamp.Web.Audit;
using BlueLamp.Web.Channels;
using BlueLamp.Web.Components;
using BlueLamp.Web.Components.Account;
using BlueLamp.Web.Demo;
using BlueLamp.Web.Desk;
using BlueLamp.Web.Health;
using BlueLamp.Web.Identity;
using BlueLamp.Web.Publishing;
using BlueLamp.Web.Settings;
using BlueLamp.Web.Triage;
using BlueLamp.Web.WebChat;
using MudBlazor.Services;

// Settings and static files come from next to the program; the data folder is relative to where it was started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddBlueLampData(builder.Configuration);
// Login cookies and account credentials survive a restart, and on PostgreSQL every node reads the same key ring.
builder.AddBlueLampDataProtection();
builder.AddBlueLampIdentity();
// Before every background job, so that on a clean stop the leases are released after the jobs have stopped.
builder.Services.AddSingleton<BlueLamp.Web.Background.JobLeases>();
builder.Services.AddHostedService<BlueLamp.Web.Background.JobLeaseRelease>();
builder.AddDesk();
builder.AddTriage();
builder.AddWebChat();
builder.AddAuditTrailPages();
builder.AddHealth();
builder.AddPlatformChannels();
builder.AddPublishing();
builder.AddSettings();
builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
builder.Services.AddScoped<DemoForce>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

await app.PrepareAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
// Pages get a friendly "not found" page; the JSON API and webhooks keep their own status and body.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapWebChat();
app.MapDeskApi();
app.MapAuditApi();
app.MapPlatformChannels();
app.MapPublishing();
app.MapSettingsApi();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AddPlatformChannelPages(app.Configuration);

await app.RunAsync();

/// <summary>The web host; public so integration tests can start it.</summary>
public partial class Program;
