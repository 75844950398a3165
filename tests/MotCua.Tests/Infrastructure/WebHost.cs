using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Features.DemoData;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The real web application over HTTP (WebApplicationFactory) on a fresh database of one kind,
/// optionally with the Lạng Sơn demo data loaded by the real seeder.
/// </summary>
public sealed class WebHost : IAsyncDisposable
{
    /// <summary>Default test clock: Monday 2 March 2026, 10:00 Vietnam time.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(7));

    private readonly WebApplicationFactory<Program> _factory;
    private readonly TestDatabase _database;
    private readonly string _keys;

    public FakeTime Time { get; }
    public DatabaseKind Kind => _database.Kind;
    public string ConnectionString => _database.ConnectionString;
    public IServiceProvider Services => _factory.Services;

    private WebHost(WebApplicationFactory<Program> factory, TestDatabase database, FakeTime time, string keys)
    {
        _factory = factory;
        _database = database;
        Time = time;
        _keys = keys;
    }

    public static async Task<WebHost> StartAsync(DatabaseKind kind, bool demoData, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var time = new FakeTime(DefaultNow);
        var keys = Path.Combine(Path.GetTempPath(), "motcua-tests", "keys-" + Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", kind.ToString());
            b.UseSetting("Database:ConnectionString", database.ConnectionString);
            b.UseSetting("Database:MigrateOnStart", "true");
            b.UseSetting("DemoData:Enabled", "false");
            b.UseSetting("DataProtection:KeysPath", keys);
            // Files and notifications in the host's own temp folder; the outbox is dispatched by the tests.
            b.UseSetting("Files:Root", Path.Combine(keys, "files"));
            b.UseSetting("Notifications:FilePath", Path.Combine(keys, "notifications.jsonl"));
            b.UseSetting("Outbox:Enabled", "false");
            b.UseSetting("Files:MaintenanceEnabled", "false");
            // Many tests sign in from the one test client; the tests of the limits set their own.
            b.UseSetting("SignInProtection:SignInPerClientPerMinute", "100000");
            b.UseSetting("SignInProtection:SignUpPerClientPerHour", "100000");
            // Audit sealing and SOC shipping run when a test calls them (AuditPipeline.RunOnceAsync).
            b.UseSetting("Audit:PipelineEnabled", "false");
            // Old sessions are purged when a test calls it (SessionPurge.RunOnceAsync).
            b.UseSetting("Sessions:PurgeEnabled", "false");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                b.UseSetting(key, value);
            b.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(time);
                services?.Invoke(s);
                // A capped query without an order returns an arbitrary subset: make it a failure here.
                s.ConfigureDbContext<AppDbContext>(o => o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
                s.AddSingleton<IStartupFilter, TestClientAddress>();
            });
        });
        var host = new WebHost(factory, database, time, keys);
        _ = factory.Server; // start: migrations run here
        if (demoData)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
        return host;
    }

    public HttpClient Client(bool followRedirects = true) =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>A client carrying a bearer token for a user (the demo accounts, or one a test made).</summary>
    public async Task<HttpClient> ClientAs(string userName, string password = DemoDataSeeder.DemoPassword)
    {
        var client = Client();
        var totp = await TestTotp.FreshCodeAsync(this, userName);
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password, totp });
        Xunit.Assert.True(response.IsSuccessStatusCode, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenBody(string AccessToken, long ExpiresIn);

    public AsyncServiceScope Scope() => _factory.Services.CreateAsyncScope();

    /// <summary>The notifications delivered so far (the file sink's JSON lines).</summary>
    public IReadOnlyList<string> Notifications()
    {
        var path = Path.Combine(_keys, "notifications.jsonl");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(_keys, recursive: true); }
        catch (IOException) { /* best effort; includes a folder never created */ }
    }
}

/// <summary>
/// One demo-data host per database kind, started on first use and shared by the tests of a class.
/// Tests that change data use their own codes so they do not see each other's changes.
/// </summary>
public sealed class DemoHosts : IAsyncLifetime
{
    private readonly Dictionary<DatabaseKind, Task<WebHost>> _hosts = [];
    private readonly Lock _gate = new();

    public Task<WebHost> Get(DatabaseKind kind)
    {
        lock (_gate)
        {
            if (!_hosts.TryGetValue(kind, out var host))
                _hosts[kind] = host = WebHost.StartAsync(kind, demoData: true);
            return host;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values)
            await (await host).DisposeAsync();
    }
}
