using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Administration;
using MotCua.Web.Features.Accounts.Eid;
using MotCua.Web.Features.Accounts.Sessions;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.DemoData;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.DvcqgInbound;
using MotCua.Web.Features.Integrations.Population;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Statistics;
using MotCua.Web.Infrastructure.Http;
using MotCua.Web.Infrastructure.Installation;
using MotCua.Web.Infrastructure.Security;

// Content root = the application's folder, so appsettings.json and wwwroot are found whatever the
// working directory; relative data paths (data/motcua.db, data/keys) stay relative to where it runs.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Serves wwwroot from the project folder under `dotnet run`; a no-op for a published build.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddInstallation();
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddProblemResponses();
builder.Services.AddApiJson();
builder.Services.AddTextCompression();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddEidSignIn(builder.Configuration);
builder.Services.AddSessions(builder.Configuration);
builder.Services.AddAccountAdministration();
builder.Services.AddSecurityHeaders(builder.Configuration);
builder.Services.AddAccountsApi();
builder.Services.AddCalendar(builder.Configuration);
builder.Services.AddCatalog();
builder.Services.AddDossiers(builder.Configuration);
builder.Services.AddDvcqgInbound(builder.Configuration);
builder.Services.AddPopulationLookup(builder.Configuration);
builder.Services.AddNotificationsAndOutbox(builder.Configuration);
builder.Services.AddIntegrations(builder.Configuration);
builder.Services.AddStatistics();
builder.Services.AddDemoData();
builder.Services.AddAudit(builder.Configuration);
builder.Services.AddOpenApi();
builder.Services.AddRazorPages();
// Vietnamese text is written as is, not as &#x…; entities (smaller pages, readable source).
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

var app = builder.Build();
if (await DatabaseCommands.TryRunAsync(app, args))
    return;
await DatabaseCommands.PrepareAsync(app);
await DemoDataSetup.SeedIfEnabledAsync(app);

app.UseSecurityHeaders();
app.UseTextCompression();
// Malformed input (bad JSON, oversize body) is the client's error: 400/413, never a 500.
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : MotCua.Web.Features.Dossiers.UploadFileHandler.StatusOfFormError(ex) ?? 500 });
// The API answers every status with ProblemDetails; pages get a Vietnamese error page.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/loi/{0}"));
app.UseStaticFiles();
app.UseJsonTextCheck();
// Explicit, after the status-code pages, so a re-executed error page is routed again.
app.UseRouting();
app.UseAuthentication();
app.UseSessions();
app.UseAccessDeniedAudit();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

// The API description only where configuration enables it (the demo does; production does not).
if (app.Configuration.GetValue("OpenApi:Enabled", false))
    app.MapOpenApi();
app.MapAccountsApi();
app.MapSessionsApi();
app.MapAccountAdministrationApi();
app.MapSecurityTxt();
app.MapAccountRoutes();
app.MapEidSignIn();
app.MapCalendarApi();
app.MapCatalogApi();
app.MapDossiersApi();
app.MapDvcqgInboundApi();
app.MapPopulationApi();
app.MapStatisticsApi();
app.MapRazorPages();
app.MapFallbackToApiNotFound();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
