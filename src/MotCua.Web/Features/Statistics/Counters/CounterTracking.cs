using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Statistics.Counters;

/// <summary>
/// Keeps the statistics counters in step with the dossiers: before a SaveChanges, each added,
/// changed or deleted dossier's old facts are subtracted and its new facts added; the upserts run in
/// the same transaction as the dossier rows (AppDbContext.SaveChanges), so the counters can never
/// disagree with the dossiers they count. Whatever the action (reception, supplement, extension,
/// recall, return, rating), only the facts matter, so no action can forget its counters.
/// </summary>
public static class CounterTracking
{
    public static async Task<CounterDeltas> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
            return new CounterDeltas();
        var sectors = Known(db, changed, out var ids);
        if (ids.Count > 0)
            foreach (var v in await db.ProcedureVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.SectorCode }).ToListAsync(ct))
                sectors[v.Id] = v.SectorCode;
        return Fill(changed, sectors);
    }

    public static CounterDeltas Collect(AppDbContext db)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
            return new CounterDeltas();
        var sectors = Known(db, changed, out var ids);
        if (ids.Count > 0)
            foreach (var v in db.ProcedureVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.SectorCode }).ToList())
                sectors[v.Id] = v.SectorCode;
        return Fill(changed, sectors);
    }

    /// <summary>
    /// The dossiers whose counted facts or place changed. Most saves (forward, assign, notes) change
    /// neither, and then no sector lookup and no counter write happen at all.
    /// </summary>
    private static List<EntityEntry<Dossier>> Changed(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries<Dossier>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && (OriginalFact(e) != Fact(e.Entity) || OriginalKey(e) != Key(e.Entity))))
            .ToList();
    }

    /// <summary>The sectors of the changed dossiers' versions that intake already took from the catalogue index; <paramref name="missing"/> the versions to read.</summary>
    private static Dictionary<long, string> Known(AppDbContext db, List<EntityEntry<Dossier>> changed, out List<long> missing)
    {
        var ids = changed.SelectMany(e => new[] { Original<long>(e, nameof(Dossier.ProcedureVersionId)), e.Entity.ProcedureVersionId }).Distinct();
        var sectors = new Dictionary<long, string>();
        missing = [];
        foreach (var id in ids)
        {
            if (db.Known.VersionSectors.TryGetValue(id, out var sector))
                sectors[id] = sector;
            else
                missing.Add(id);
        }
        return sectors;
    }

    private static (long, long, string, Channel) Key(Dossier d) => (d.CompetentAgencyId, d.ProcedureVersionId, d.ProcedureCode, d.Channel);

    private static (long, long, string, Channel) OriginalKey(EntityEntry<Dossier> e) => (Original<long>(e, nameof(Dossier.CompetentAgencyId)),
        Original<long>(e, nameof(Dossier.ProcedureVersionId)), Original<string>(e, nameof(Dossier.ProcedureCode)), Original<Channel>(e, nameof(Dossier.Channel)));

    private static CounterDeltas Fill(List<EntityEntry<Dossier>> changed, Dictionary<long, string> sectors)
    {
        var deltas = new CounterDeltas();
        foreach (var e in changed)
        {
            if (e.State != EntityState.Added)
                deltas.Add(OriginalPlace(e, sectors), OriginalFact(e), -1);
            if (e.State != EntityState.Deleted)
            {
                var d = e.Entity;
                deltas.Add(new CounterPlace(d.CompetentAgencyId, sectors.GetValueOrDefault(d.ProcedureVersionId, ""), d.ProcedureCode, d.Channel), Fact(d), +1);
            }
        }
        return deltas;
    }

    public static CounterFact Fact(Dossier d) =>
        CounterFact.Of(d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt, d.Rating, d.RatedAt);

    private static CounterFact OriginalFact(EntityEntry<Dossier> e) => CounterFact.Of(
        Original<Channel>(e, nameof(Dossier.Channel)), Original<DossierStatus>(e, nameof(Dossier.Status)),
        Original<DateTime?>(e, nameof(Dossier.ReceivedAt)), Original<DateTime?>(e, nameof(Dossier.DueAt)),
        Original<DateTime?>(e, nameof(Dossier.ProcessingEndedAt)), Original<DateTime?>(e, nameof(Dossier.EndedAt)),
        Original<int?>(e, nameof(Dossier.Rating)), Original<DateTime?>(e, nameof(Dossier.RatedAt)));

    private static CounterPlace OriginalPlace(EntityEntry<Dossier> e, Dictionary<long, string> sectors) => new(
        Original<long>(e, nameof(Dossier.CompetentAgencyId)),
        sectors.GetValueOrDefault(Original<long>(e, nameof(Dossier.ProcedureVersionId)), ""),
        Original<string>(e, nameof(Dossier.ProcedureCode)),
        Original<Channel>(e, nameof(Dossier.Channel)));

    private static T Original<T>(EntityEntry<Dossier> e, string property) =>
        e.State == EntityState.Added ? (T)e.CurrentValues[property]! : e.OriginalValues.GetValue<T>(property);
}

/// <summary>Writes counter changes as atomic upserts (INSERT … ON CONFLICT DO UPDATE, the same SQL on SQLite and PostgreSQL).</summary>
public static class CounterWriter
{
    private const int RowsPerStatement = 500;
    private static readonly string[] Columns = Enum.GetNames<CounterColumn>();

    public static async Task ApplyAsync(AppDbContext db, CounterDeltas deltas, CancellationToken ct)
    {
        foreach (var (sql, parameters) in Statements(deltas))
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    public static void Apply(AppDbContext db, CounterDeltas deltas)
    {
        foreach (var (sql, parameters) in Statements(deltas))
            db.Database.ExecuteSqlRaw(sql, parameters);
    }

    private static IEnumerable<(string Sql, object[] Parameters)> Statements(CounterDeltas deltas)
    {
        foreach (var chunk in deltas.NonZero().Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder();
            var parameters = new List<object>(chunk.Length * 3);
            sql.Append("INSERT INTO \"StatisticsCounters\" (\"Cube\", \"Grain\", \"Day\", \"AgencyId\", \"SectorCode\", \"ProcedureCode\", \"Channel\", ")
               .Append(string.Join(", ", Columns.Select(c => $"\"{c}\""))).Append(") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var (key, values) = chunk[i];
                var p = parameters.Count;
                parameters.Add(key.Day);
                parameters.Add(key.SectorCode);
                parameters.Add(key.ProcedureCode);
                sql.Append(i == 0 ? "(" : ", (").Append(Invariant((int)key.Cube)).Append(", ").Append(Invariant((int)key.Grain))
                   .Append(", {").Append(Invariant(p)).Append("}, ").Append(Invariant(key.AgencyId))
                   .Append(", {").Append(Invariant(p + 1)).Append("}, {").Append(Invariant(p + 2)).Append("}, ").Append(Invariant((int)key.Channel));
                foreach (var v in values)
                    sql.Append(", ").Append(Invariant(v));
                sql.Append(')');
            }
            sql.Append(" ON CONFLICT (\"Cube\", \"Grain\", \"Day\", \"AgencyId\", \"SectorCode\", \"ProcedureCode\", \"Channel\") DO UPDATE SET ")
               .Append(string.Join(", ", Columns.Select(c => $"\"{c}\" = \"StatisticsCounters\".\"{c}\" + excluded.\"{c}\"")));
            yield return (sql.ToString(), parameters.ToArray());
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
