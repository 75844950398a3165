using System.Globalization;
using MotCua.Web.Data;

namespace MotCua.Bench.Statistics;

/// <summary>Command line of the statistics benchmark (see <see cref="StatisticsBench"/>).</summary>
internal sealed record StatisticsOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public int Dossiers { get; init; } = 20_000;
    /// <summary>A PostgreSQL server (any database on it); the benchmark creates and drops its own database there.</summary>
    public string? Connection { get; init; }
    public int Seed { get; init; } = 2026;
    public int Samples { get; init; } = 30;
    public int Writes { get; init; } = 200;
    /// <summary>Run statistics-verify after the rebuild (always on SQLite).</summary>
    public bool Verify { get; init; }
    public bool Keep { get; init; }
    public bool WriteResults { get; init; } = true;

    public static StatisticsOptions Parse(string[] args)
    {
        var o = new StatisticsOptions { Connection = Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES") };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Next().Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--provider" => o with
                {
                    Provider = Next().ToLowerInvariant() switch
                    {
                        "postgres" or "postgresql" => DatabaseProvider.Postgres,
                        "sqlite" => DatabaseProvider.Sqlite,
                        var p => throw new ArgumentException($"Unknown provider {p}: postgres or sqlite."),
                    },
                },
                "--dossiers" => o with { Dossiers = Number() },
                "--connection" => o with { Connection = Next() },
                "--seed" => o with { Seed = Number() },
                "--samples" => o with { Samples = Number() },
                "--writes" => o with { Writes = Number() },
                "--verify" => o with { Verify = true },
                "--keep" => o with { Keep = true },
                "--no-results" => o with { WriteResults = false },
                var a => throw new ArgumentException($"Unknown option {a}."),
            };
        }
        if (o.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(o.Connection))
            throw new ArgumentException("PostgreSQL needs --connection (or MOTCUA_TEST_POSTGRES).");
        if (o.Dossiers < 1000 || o.Samples < 1)
            throw new ArgumentException("--dossiers is at least 1000, --samples at least 1.");
        return o with { Verify = o.Verify || o.Provider == DatabaseProvider.Sqlite };
    }
}
