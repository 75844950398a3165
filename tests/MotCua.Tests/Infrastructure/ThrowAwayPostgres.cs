using System.Diagnostics;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own (`.ci/postgres.sh` on a free port and its own folder), so the
/// test can stop and start it without disturbing the shared test server; removed on dispose.
/// </summary>
public sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _root;

    public string ConnectionString { get; }

    private ThrowAwayPostgres(Dictionary<string, string> environment, string root, string connectionString)
    {
        _environment = environment;
        _root = root;
        ConnectionString = connectionString;
    }

    public static async Task<ThrowAwayPostgres> StartAsync()
    {
        var port = Clamd.ClosedPort();
        var root = Path.Combine("/tmp", "motcua-pg-" + Guid.NewGuid().ToString("N")[..10]);
        var environment = new Dictionary<string, string> { ["MOTCUA_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["MOTCUA_PG_ROOT"] = root };
        var server = new ThrowAwayPostgres(environment, root, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
        await server.RunAsync();
        return server;
    }

    public Task StopAsync() => RunAsync("stop");

    public Task StartAgainAsync() => RunAsync();

    private async Task RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), ".ci", "postgres.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"postgres.sh {string.Join(' ', arguments)} failed: {await output} {await errors}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".ci", "postgres.sh")))
                return folder.FullName;
        }
        throw new InvalidOperationException(".ci/postgres.sh not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await StopAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* best effort: temp folder */ }
        catch (UnauthorizedAccessException) { /* owned by the postgres user when not run as root */ }
    }
}

/// <summary>A test that needs the PostgreSQL binaries; skipped (visibly) without MOTCUA_TEST_POSTGRES outside CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Databases.PostgresServer is null && !Clamd.InCi)
            Skip = $"{Databases.PostgresVariable} is not set (eval \"$(bash .ci/postgres.sh)\"); under CI=true this test fails instead.";
    }
}
