using BlueLamp.Simulator;
using BlueLamp.Simulator.Pages;

// The simulator on its own: point BlueLamp's platform base URLs at http://localhost:5090.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPlatformSimulator(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

app.UseAntiforgery();
app.MapStaticAssets();
app.MapGet("/", () => Results.Redirect("/simulator")).ExcludeFromDescription();
app.MapPlatformSimulator();
app.MapRazorComponents<SimulatorApp>().AddInteractiveServerRenderMode();

await app.RunAsync();
