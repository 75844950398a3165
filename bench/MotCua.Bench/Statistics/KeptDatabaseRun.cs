using System.Globalization;
using MotCua.Web.Data;

namespace MotCua.Bench.Statistics;

/// <summary>
/// The common start of the benchmarks that run on a database the statistics benchmark kept
/// (`statistics --keep`): the arguments --provider, --connection, --work, [--samples], [--label], and the
/// Release deployable on that database, migrated to the current code.
/// </summary>
internal sealed record KeptDatabaseRun(DatabaseProvider Provider, string Connection, string Label, int Samples, Deployable Deployable)
{
    public static async Task<KeptDatabaseRun> StartAsync(string[] args, string root, int defaultSamples)
    {
        string Arg(string name, string? fallback = null) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required.");
        var provider = Arg("--provider").StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var connection = Arg("--connection");
        var samples = int.Parse(Arg("--samples", defaultSamples.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var deployable = new Deployable(Path.Combine(root, "src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll"), provider, connection, Arg("--work"));
        var migrate = await deployable.RunVerbAsync("migrate");
        Console.Error.WriteLine($"  migrate: exit {migrate.ExitCode}, {migrate.Elapsed.TotalSeconds:0.0} s");
        return new KeptDatabaseRun(provider, connection, Arg("--label", ""), samples, deployable);
    }

    /// <summary>" (label)" for a section title, or nothing.</summary>
    public string LabelSuffix => Label.Length > 0 ? " (" + Label + ")" : "";
}
