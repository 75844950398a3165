using Microsoft.EntityFrameworkCore;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// What indicators 3.3, 4.1 and 4.2 need of a dossier's files, a few bytes per dossier: whether a
/// result file exists and which document indexes came as files (bit i = document i). Only for the
/// dossiers received or solved in the period; loaded before the dossiers are streamed.
/// </summary>
public sealed class Index766Files
{
    private readonly Dictionary<long, (bool HasResult, ulong Components, bool Beyond)> _byDossier = [];
    // Document indexes past 63 do not fit the bit set; a case with that many documents is rare.
    private readonly HashSet<(long DossierId, int Index)> _beyond = [];

    public readonly record struct OfDossier(Index766Files? Owner, long DossierId, bool HasResult, ulong Components, bool Beyond)
    {
        public bool HasComponents => Components != 0 || Beyond;

        public bool HasComponent(int index) =>
            index < 64 ? (Components & (1UL << index)) != 0 : Owner?._beyond.Contains((DossierId, index)) ?? false;
    }

    public OfDossier Of(long dossierId) =>
        _byDossier.TryGetValue(dossierId, out var f) ? new OfDossier(this, dossierId, f.HasResult, f.Components, f.Beyond) : new OfDossier(this, dossierId, false, 0, false);

    public static async Task<Index766Files> LoadAsync(AppDbContext db, IQueryable<Dossier> dossiers, DateTime start, DateTime end, CancellationToken ct)
    {
        var result = new Index766Files();
        var withFiles = dossiers.Where(d => d.ReceivedAt >= start || (d.ProcessingEndedAt >= start && d.ProcessingEndedAt < end)).Select(d => d.Id);
        var files = db.DossierFiles.AsNoTracking()
            .Where(f => f.DossierId != null && withFiles.Contains(f.DossierId.Value))
            .Select(f => new { DossierId = f.DossierId!.Value, f.Kind, f.DocumentIndex }).Distinct()
            .AsAsyncEnumerable();
        await foreach (var f in files.WithCancellation(ct))
        {
            var (hasResult, components, beyond) = result._byDossier.GetValueOrDefault(f.DossierId);
            if (f.Kind == DossierFileKind.Result)
                hasResult = true;
            else if (f.DocumentIndex is { } index and >= 0)
            {
                // Components received as files: at reception (Component) or as a supplement at the desk (Supplement).
                if (index < 64)
                    components |= 1UL << index;
                else
                    beyond = result._beyond.Add((f.DossierId, index)) || beyond;
            }
            result._byDossier[f.DossierId] = (hasResult, components, beyond);
        }
        return result;
    }
}

/// <summary>What the 766 indicators need of a procedure version's definition, per version id.</summary>
public static class Index766Versions
{
    /// <param name="ResultIsDocument">The procedure's result is a document (<see cref="Decision766Catalogue.ResultIsDocument"/>).</param>
    /// <param name="RequiredByCase">Per case code, the indexes of its required documents.</param>
    public sealed record Facts(bool ResultIsDocument, IReadOnlyDictionary<string, int[]> RequiredByCase);

    /// <summary>Every version, streamed and reduced to its facts: dossiers of any period may have been received under an old version.</summary>
    public static async Task<Dictionary<long, Facts>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var result = new Dictionary<long, Facts>();
        await foreach (var v in db.ProcedureVersions.AsNoTracking().Select(v => new { v.Id, v.Definition }).AsAsyncEnumerable().WithCancellation(ct))
            result[v.Id] = new Facts(Decision766Catalogue.ResultIsDocument(v.Definition),
                v.Definition.Cases.GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key,
                    g => g.First().Documents.Select((d, i) => (d, i)).Where(x => x.d.Required).Select(x => x.i).ToArray(), StringComparer.Ordinal));
        return result;
    }
}

/// <summary>
/// Indicator 1.4's denominator when a unit received nothing in the period (docs/domain/decision-766.md#indicators):
/// the dossiers received in the previous calendar year / 12 for a month, / 4 for a quarter, × 1 for a
/// year, and pro rata by days for any other range. Loaded only when some unit needs it.
/// </summary>
public sealed class Index766PreviousYear
{
    private readonly Dictionary<long, int> _byAgency;
    private readonly decimal _factor;

    private Index766PreviousYear(Dictionary<long, int> byAgency, decimal factor) => (_byAgency, _factor) = (byAgency, factor);

    public decimal Total => Score766.Round(_byAgency.Values.Sum() * _factor);

    public decimal Of(long competentAgencyId) => Score766.Round(_byAgency.GetValueOrDefault(competentAgencyId) * _factor);

    public static async Task<Index766PreviousYear> SharesAsync(AppDbContext db, Period766 period, IReadOnlyCollection<long>? scope, bool needed, CancellationToken ct)
    {
        if (!needed)
            return new Index766PreviousYear([], 0);
        var year = period.From.Year - 1;
        var previous = ReportPeriod.Create(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), out var error) ?? throw new InvalidOperationException(error);
        var counts = await db.Dossiers.AsNoTracking().DecidedIn(scope)
            .Where(d => d.ReceivedAt >= previous.StartUtc && d.ReceivedAt < previous.EndUtc)
            .GroupBy(d => d.CompetentAgencyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new Index766PreviousYear(counts, Factor(period, year));
    }

    /// <summary>The share of a year the period is: 1, 1/4, 1/12, or its days over the previous year's days.</summary>
    public static decimal Factor(Period766 period, int previousYear)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = (period.From, period.To);
        if (from.Day == 1 && to == from.AddYears(1).AddDays(-1) && from.Month == 1)
            return 1;
        if (from.Day == 1 && (from.Month - 1) % 3 == 0 && to == from.AddMonths(3).AddDays(-1))
            return 1m / 4;
        if (from.Day == 1 && to == from.AddMonths(1).AddDays(-1))
            return 1m / 12;
        return (decimal)(to.DayNumber - from.DayNumber + 1) / (DateTime.IsLeapYear(previousYear) ? 366 : 365);
    }
}
