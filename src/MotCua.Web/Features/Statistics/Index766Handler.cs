using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// The Decision 766 index from MotCua's own data, for the province (or an agency and its children)
/// and per competent agency, ranked. Reads only what can count: the dossiers received before the
/// period end and not ended before its start, their processing-stage supplements, the kinds of
/// their files, the definitions of their procedure versions, and the current catalogue offerings.
/// The formulas are Core's (<see cref="Decision766Dossiers"/>, <see cref="Decision766Catalogue"/>,
/// <see cref="Decision766Scorecard"/>); this class only loads and groups.
/// </summary>
public sealed class Index766Handler(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    private sealed record Row(long Id, long CompetentAgencyId, long ReceivingAgencyId, long ProcedureId, long ProcedureVersionId, string ProcedureCode,
        string ProcedureName, string CaseCode, DossierStatus Status, Channel Channel, DateTime? ReceivedAt, DateTime? ClockStartAt, DateTime? DueAt,
        DateTime? ProcessingEndedAt, DateTime? ReturnedAt, DateTime? EndedAt, DateTime? PausedAt, long PausedWorkingMinutes, bool NoAppointment,
        TimeLimitUnit LimitUnit, decimal LimitValue, int? Rating, DateTime? RatedAt);

    public async Task<Index766Response> HandleAsync(Period766 period, long? agencyId, CancellationToken ct)
    {
        var start = Utc(period.From);
        var end = Utc(period.To.AddDays(1));
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        var dayHours = (decimal)calendar.Hours.DayLength.TotalHours;
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;

        var dossiers = db.Dossiers.AsNoTracking()
            .Where(d => d.ReceivedAt != null && d.ReceivedAt < end && ((d.ProcessingEndedAt ?? d.EndedAt) == null || (d.ProcessingEndedAt ?? d.EndedAt) >= start));
        if (scope is not null)
            dossiers = dossiers.Where(d => scope.Contains(d.CompetentAgencyId));
        var rows = await dossiers.Select(d => new Row(d.Id, d.CompetentAgencyId, d.ReceivingAgencyId, d.ProcedureId, d.ProcedureVersionId, d.ProcedureCode,
                d.ProcedureName, d.CaseCode, d.Status, d.Channel, d.ReceivedAt, d.ClockStartAt, d.DueAt, d.ProcessingEndedAt, d.ReturnedAt, d.EndedAt,
                d.PausedAt, d.PausedWorkingMinutes, d.NoAppointment, d.LimitUnit, d.LimitValue, d.Rating, d.RatedAt))
            .ToListAsync(ct);

        // Supplements during processing (those at reception come before the clock starts).
        var supplements = (await db.SupplementRequests.AsNoTracking()
                .Where(r => r.DuringProcessing && r.RequestedAt < end && dossiers.Select(d => d.Id).Contains(r.DossierId))
                .Select(r => new { r.DossierId, r.RequestedAt, r.AcceptedAt }).ToListAsync(ct))
            .ToLookup(r => r.DossierId, r => new SupplementSpan(AsUtc(r.RequestedAt), r.AcceptedAt is { } a ? AsUtc(a) : null));
        // File kinds only for the dossiers 3.3, 4.1 and 4.2 look at: received or solved in the period.
        var withFiles = dossiers.Where(d => d.ReceivedAt >= start || (d.ProcessingEndedAt >= start && d.ProcessingEndedAt < end)).Select(d => d.Id);
        var files = (await db.DossierFiles.AsNoTracking()
                .Where(f => f.DossierId != null && withFiles.Contains(f.DossierId.Value))
                .Select(f => new { DossierId = f.DossierId!.Value, f.Kind, f.DocumentIndex }).Distinct().ToListAsync(ct))
            .ToLookup(f => f.DossierId);
        var versionIds = rows.Select(r => r.ProcedureVersionId).Distinct().ToList();
        var definitions = await db.ProcedureVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Definition }).ToDictionaryAsync(v => v.Id, v => v.Definition, ct);

        var facts = rows.Select(r => (Row: r, Fact: Fact(r, supplements[r.Id].ToList(), files[r.Id].Select(f => (f.Kind, f.DocumentIndex)).ToList(),
            definitions.GetValueOrDefault(r.ProcedureVersionId)))).ToList();
        var offerings = await OfferingsAsync(period, scope, facts.Where(f => f.Row.Channel == Channel.Online && f.Row.ReceivedAt >= start).Select(f => f.Row), ct);

        var provinceScores = Decision766Scorecard.Score(
            Decision766Dossiers.Count(facts.Select(f => f.Fact), start, end, now, calendar), Decision766Catalogue.Count(offerings.Select(o => o.Offering)), dayHours);
        var (points, max) = Score766.Total(provinceScores);
        var province = new Index766Unit(points, max, provinceScores,
            Decision766Dossiers.ProcessingTimes(facts.Select(f => f.Fact), start, end, calendar, dayHours));

        var ranked = facts.Where(f => OnTime766.Counts(f.Fact, start, end)).Select(f => f.Row.CompetentAgencyId).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ranked.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var byAgency = facts.ToLookup(f => f.Row.CompetentAgencyId, f => f.Fact);
        var offered = offerings.ToLookup(o => o.AgencyId, o => o.Offering);
        var agencies = ranked.Select(id =>
        {
            var scores = Decision766Scorecard.Score(Decision766Dossiers.Count(byAgency[id], start, end, now, calendar),
                Decision766Catalogue.Count(offered[id]), dayHours, computableOnly: true);
            var (p, m) = Score766.Total(scores);
            return new Index766Agency(names[id].Code, names[id].Name, 0, p, m, scores);
        }).ToList();

        return new Index766Response(
            new Index766Period(Iso(period.From), Iso(period.To), period.Label),
            province, Rank(agencies),
            Decision766Indicators.All.Where(i => !i.Computable).Select(i => new Index766NotComputable(i.Id, i.Name, i.Pmax, i.Reason!)).ToList(),
            Decision766Indicators.Caveats,
            (now < end ? now : end).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
    }

    /// <summary>Points descending (rank 1 = best); equal points share a rank and the next rank skips (1, 1, 3).</summary>
    public static IReadOnlyList<Index766Agency> Rank(IEnumerable<Index766Agency> agencies)
    {
        var ordered = agencies.OrderByDescending(a => a.Points).ThenBy(a => a.Name, StringComparer.Create(new CultureInfo("vi-VN"), false)).ToList();
        var result = new List<Index766Agency>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
            result.Add(ordered[i] with { Rank = i > 0 && ordered[i].Points == ordered[i - 1].Points ? result[i - 1].Rank : i + 1 });
        return result;
    }

    private static Dossier766Fact Fact(Row r, List<SupplementSpan> supplements, List<(DossierFileKind Kind, int? Index)> files, ProcedureDefinition? definition)
    {
        var required = definition?.Cases.FirstOrDefault(c => c.Code == r.CaseCode)?.Documents
            .Select((d, i) => (d, i)).Where(x => x.d.Required).Select(x => x.i).ToList() ?? [];
        // Components received as files: at reception (Component) or as a supplement at the desk (Supplement), by document index.
        var components = files.Where(f => f.Kind is DossierFileKind.Component or DossierFileKind.Supplement && f.Index is not null).Select(f => f.Index!.Value).ToHashSet();
        return new Dossier766Fact
        {
            ProcedureCode = r.ProcedureCode,
            ProcedureName = r.ProcedureName,
            Status = r.Status,
            Channel = r.Channel,
            ReceivedAt = AsUtc(r.ReceivedAt),
            ClockStartAt = AsUtc(r.ClockStartAt),
            DueAt = AsUtc(r.DueAt),
            ProcessedAt = AsUtc(r.ProcessingEndedAt),
            ReturnedAt = AsUtc(r.ReturnedAt),
            EndedAt = AsUtc(r.EndedAt),
            PausedForPaymentAt = r.Status == DossierStatus.FinancialObligation ? AsUtc(r.PausedAt) : null,
            PausedWorkingTime = TimeSpan.FromMinutes(r.PausedWorkingMinutes),
            NoAppointment = r.NoAppointment,
            Limit = new TimeLimit(r.LimitValue, r.LimitUnit),
            Supplements = supplements,
            ResultIsDocument = definition is not null && Decision766Catalogue.ResultIsDocument(definition),
            HasElectronicResult = files.Any(f => f.Kind == DossierFileKind.Result),
            ComponentsDigitised = components.Count > 0 && required.All(components.Contains),
            Rating = r.Rating,
            RatedAt = AsUtc(r.RatedAt),
        };
    }

    /// <summary>
    /// The offerings in scope of the procedures whose version is in force at the period end (or today
    /// if earlier); MotCua keeps only the current offerings, regenerated at each publication.
    /// </summary>
    private async Task<List<(long AgencyId, Offering766 Offering)>> OfferingsAsync(Period766 period, HashSet<long>? scope, IEnumerable<Row> online, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var on = period.To < today ? period.To : today;
        var complete = (await db.ProcedureVersions.AsNoTracking()
                .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= on && (v.EffectiveTo == null || v.EffectiveTo > on))
                .Select(v => new { v.ProcedureId, v.Definition }).Take(100_000).ToListAsync(ct))
            .GroupBy(v => v.ProcedureId).ToDictionary(g => g.Key, g => Decision766Catalogue.MissingParts(g.First().Definition).Count == 0);
        var query = db.ProcedureOfferings.AsNoTracking();
        if (scope is not null)
            query = query.Where(o => scope.Contains(o.AgencyId));
        var rows = await query.Select(o => new { o.ProcedureId, o.AgencyId, o.OnlineLevel }).Take(1_000_000).ToListAsync(ct);
        var used = online.SelectMany(r => new[] { (r.ProcedureId, r.ReceivingAgencyId), (r.ProcedureId, r.CompetentAgencyId) }).ToHashSet();
        return rows.Where(o => complete.ContainsKey(o.ProcedureId))
            .Select(o => (o.AgencyId, new Offering766(o.ProcedureId, o.OnlineLevel, complete[o.ProcedureId], used.Contains((o.ProcedureId, o.AgencyId)))))
            .ToList();
    }

    private static DateTime Utc(DateOnly vietnamDate) => VietnamTime.ToOffset(vietnamDate.ToDateTime(TimeOnly.MinValue)).UtcDateTime;

    private static DateTime AsUtc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime? AsUtc(DateTime? t) => t is { } v ? AsUtc(v) : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
