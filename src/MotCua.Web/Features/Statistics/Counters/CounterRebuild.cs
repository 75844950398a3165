using Microsoft.EntityFrameworkCore;
using MotCua.Core.Statistics;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Statistics.Counters;

/// <summary>
/// Recomputes the statistics counters from the dossiers: at start on a database whose counters are
/// empty (an upgrade from before migration 0003), on demand (`statistics-rebuild`), and as the
/// check `statistics-verify`, which lists every counter row that differs from a recount — it
/// should always find none, since the counters move in the dossiers' own transactions.
/// </summary>
public static class CounterRebuild
{
    /// <summary>The counters the dossiers imply, computed by the same contribution rules as the live tracking.</summary>
    public static async Task<CounterDeltas> ExpectedAsync(AppDbContext db, CancellationToken ct)
    {
        var sectors = await db.ProcedureVersions.AsNoTracking().Select(v => new { v.Id, v.SectorCode })
            .ToDictionaryAsync(v => v.Id, v => v.SectorCode, ct);
        var expected = new CounterDeltas();
        var dossiers = db.Dossiers.AsNoTracking().Where(d => d.ReceivedAt != null || d.RatedAt != null)
            .Select(d => new { d.CompetentAgencyId, d.ProcedureVersionId, d.ProcedureCode, d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt, d.Rating, d.RatedAt })
            .AsAsyncEnumerable();
        await foreach (var d in dossiers.WithCancellation(ct))
            expected.Add(new CounterPlace(d.CompetentAgencyId, sectors.GetValueOrDefault(d.ProcedureVersionId, ""), d.ProcedureCode, d.Channel),
                CounterFact.Of(d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt, d.Rating, d.RatedAt), +1);
        return expected;
    }

    /// <summary>
    /// Replaces every counter row by a recount, in one transaction; returns the rows written. The
    /// emptied table takes plain bulk inserts (<see cref="CounterBulkInsert"/>): at 10 million dossiers
    /// the rebuild writes millions of rows, which the live path's upserts took minutes to write.
    /// </summary>
    public static async Task<int> RebuildAsync(AppDbContext db, CancellationToken ct)
    {
        var expected = await ExpectedAsync(db, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.StatisticsCounters.ExecuteDeleteAsync(ct);
        // In key order: the rows of one cube, grain and day range end up on neighbouring pages (migration 0004).
        var written = await CounterBulkInsert.InsertAsync(db, expected.Rows.OrderBy(r => r.Key, CounterKey.KeyOrder), ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return written;
    }

    /// <summary>At start: counts existing dossiers once when the counters are empty.</summary>
    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.StatisticsCounters.AnyAsync(ct) && await db.Dossiers.AnyAsync(d => d.ReceivedAt != null || d.RatedAt != null, ct))
            await RebuildAsync(db, ct);
    }

    /// <summary>Counter rows that differ from a recount (a row of zeros equals a missing row).</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var expected = (await ExpectedAsync(db, ct)).Rows;
        var seen = new HashSet<CounterKey>();
        var differences = new List<string>();
        await foreach (var row in db.StatisticsCounters.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var key = new CounterKey(row.Cube, row.Grain, row.Day, row.AgencyId, row.SectorCode, row.ProcedureCode, row.Channel);
            seen.Add(key);
            var actual = Values(row);
            var want = expected.GetValueOrDefault(key) ?? new int[CounterContributions.ColumnCount];
            if (!actual.AsSpan().SequenceEqual(want))
                differences.Add($"{key}: stored [{string.Join(',', actual)}], recount [{string.Join(',', want)}]");
        }
        foreach (var (key, want) in expected)
            if (!seen.Contains(key) && want.Any(v => v != 0))
                differences.Add($"{key}: missing, recount [{string.Join(',', want)}]");
        return differences;
    }

    public static int[] Values(StatisticsCounter c) =>
        [c.Received, c.SolvedEarly, c.SolvedOnTime, c.SolvedLate, c.Withdrawn, c.Stopped, c.DueOpened, c.DueClosed, c.Rated1, c.Rated2, c.Rated3, c.Rated4, c.Rated5];
}
