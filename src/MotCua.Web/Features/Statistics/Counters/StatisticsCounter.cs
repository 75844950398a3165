using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;

namespace MotCua.Web.Features.Statistics.Counters;

/// <summary>Which dimensions a counter row keeps: by agency and channel only, or also by sector and procedure.</summary>
public enum CounterCube { ByAgency = 0, ByProcedure = 1 }

/// <summary>The period a counter row covers, starting at <see cref="StatisticsCounter.Day"/>: a day, a month or a year.</summary>
public enum CounterGrain { Day = 0, Month = 1, Year = 2 }

/// <summary>
/// Dossier counts per Vietnam day, month and year, competent agency, channel (and sector and
/// procedure in the fine cube), kept in the same transaction as every dossier change
/// (<see cref="CounterTracking"/>); Report 06a and the dashboard read prefix sums of them
/// instead of scanning dossiers (docs/adr/0003). The columns are <see cref="CounterColumn"/>.
/// </summary>
public sealed class StatisticsCounter
{
    public CounterCube Cube { get; set; }
    public CounterGrain Grain { get; set; }
    public DateOnly Day { get; set; }
    public long AgencyId { get; set; }
    /// <summary>Empty in the by-agency cube.</summary>
    public string SectorCode { get; set; } = "";
    /// <summary>Empty in the by-agency cube.</summary>
    public string ProcedureCode { get; set; } = "";
    public Channel Channel { get; set; }

    public int Received { get; set; }
    public int SolvedEarly { get; set; }
    public int SolvedOnTime { get; set; }
    public int SolvedLate { get; set; }
    public int Withdrawn { get; set; }
    public int Stopped { get; set; }
    public int DueOpened { get; set; }
    public int DueClosed { get; set; }
    public int Rated1 { get; set; }
    public int Rated2 { get; set; }
    public int Rated3 { get; set; }
    public int Rated4 { get; set; }
    public int Rated5 { get; set; }

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<StatisticsCounter>(e =>
        {
            e.HasKey(x => new { x.Cube, x.Grain, x.Day, x.AgencyId, x.SectorCode, x.ProcedureCode, x.Channel });
            e.Property(x => x.Cube).HasConversion<int>();
            e.Property(x => x.Grain).HasConversion<int>();
            e.Property(x => x.Channel).HasConversion<int>();
            e.Property(x => x.SectorCode).HasMaxLength(40);
            e.Property(x => x.ProcedureCode).HasMaxLength(40);
        });
}

/// <summary>The key of one counter row.</summary>
public readonly record struct CounterKey(CounterCube Cube, CounterGrain Grain, DateOnly Day, long AgencyId, string SectorCode, string ProcedureCode, Channel Channel)
{
    public static DateOnly PeriodStart(CounterGrain grain, DateOnly day) => grain switch
    {
        CounterGrain.Year => new DateOnly(day.Year, 1, 1),
        CounterGrain.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>
    /// The primary key's order: concurrent transactions lock counter rows in this order (no
    /// deadlocks), and the rebuild writes them in it (neighbouring rows on neighbouring pages).
    /// </summary>
    public static IComparer<CounterKey> KeyOrder { get; } = Comparer<CounterKey>.Create(static (a, b) => a.CompareTo(b));

    private int CompareTo(CounterKey other)
    {
        var c = Cube.CompareTo(other.Cube);
        if (c == 0) c = Grain.CompareTo(other.Grain);
        if (c == 0) c = Day.CompareTo(other.Day);
        if (c == 0) c = AgencyId.CompareTo(other.AgencyId);
        if (c == 0) c = string.CompareOrdinal(SectorCode, other.SectorCode);
        if (c == 0) c = string.CompareOrdinal(ProcedureCode, other.ProcedureCode);
        if (c == 0) c = Channel.CompareTo(other.Channel);
        return c;
    }
}

/// <summary>Where a dossier's contributions go: its competent agency, sector, procedure and channel.</summary>
public readonly record struct CounterPlace(long AgencyId, string SectorCode, string ProcedureCode, Channel Channel);

/// <summary>Signed changes of counter rows, accumulated per key.</summary>
public sealed class CounterDeltas
{
    private static readonly CounterGrain[] Grains = [CounterGrain.Day, CounterGrain.Month, CounterGrain.Year];
    private readonly Dictionary<CounterKey, int[]> _rows = [];

    public int Count => _rows.Count;

    public IReadOnlyDictionary<CounterKey, int[]> Rows => _rows;

    public void Add(CounterPlace place, CounterFact fact, int sign)
    {
        Span<CounterContribution> buffer = stackalloc CounterContribution[CounterContributions.MaxPerDossier];
        CounterContributions.Add(fact, buffer, out var count);
        foreach (var c in buffer[..count])
            foreach (var grain in Grains)
            {
                var day = CounterKey.PeriodStart(grain, c.Day);
                Bump(new CounterKey(CounterCube.ByAgency, grain, day, place.AgencyId, "", "", place.Channel), c.Column, sign);
                Bump(new CounterKey(CounterCube.ByProcedure, grain, day, place.AgencyId, place.SectorCode, place.ProcedureCode, place.Channel), c.Column, sign);
            }
    }

    private void Bump(CounterKey key, CounterColumn column, int sign)
    {
        if (!_rows.TryGetValue(key, out var values))
            _rows[key] = values = new int[CounterContributions.ColumnCount];
        values[(int)column] += sign;
    }

    /// <summary>The non-zero changes in key order.</summary>
    public IEnumerable<(CounterKey Key, int[] Values)> NonZero() =>
        _rows.Where(r => r.Value.Any(v => v != 0)).OrderBy(r => r.Key, CounterKey.KeyOrder).Select(r => (r.Key, r.Value));
}
