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
using MotCua.Web.Features.Integrations.Dvcqg;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Statistics;

public sealed record Index766Period(string From, string To, string Label);

/// <summary>A unit's score: points out of the maximum of the indicators that have a score, and each indicator with its formula and inputs.</summary>
public sealed record Index766Unit(decimal Points, decimal MaxPoints, IReadOnlyList<Indicator766Score> Indicators, IReadOnlyList<ProcessingTime766> ProcessingTimes);

public sealed record Index766Agency(string Code, string Name, int Rank, decimal Points, decimal MaxPoints, IReadOnlyList<Indicator766Score> Indicators);

public sealed record Index766NotComputable(string Id, string Name, decimal Pmax, string Reason);

/// <summary>
/// GET /api/statistics/766. <c>province</c> lists every indicator (those MotCua cannot compute with
/// computable = false and the reason); each agency lists the computable ones; <c>notComputable</c>
/// repeats the others with their reasons. <c>asOf</c> is the cut-off used for unfinished dossiers.
/// </summary>
public sealed record Index766Response(Index766Period Period, Index766Unit Province, IReadOnlyList<Index766Agency> Agencies,
    IReadOnlyList<Index766NotComputable> NotComputable, IReadOnlyList<string> Caveats, string AsOf);

/// <summary>
/// The Decision 766 index from MotCua's own data, for the province (or an agency and its children)
/// and per competent agency, ranked. Reads only what can count: the dossiers received before the
/// period end and not ended before its start, their processing-stage supplements, the kinds of
/// their files, the definitions of their procedure versions, and the current catalogue offerings.
/// The dossiers are streamed, never held: each is judged once and added to the tallies of the
/// province, its agency and its procedure (a province's year is millions of dossiers).
/// The formulas are Core's (<see cref="Decision766Dossiers"/>, <see cref="Dossier766Tally"/>,
/// <see cref="Decision766Catalogue"/>, <see cref="Decision766Scorecard"/>); this class only loads and groups.
/// </summary>
public sealed class Index766Handler(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    private sealed record Row(long Id, long CompetentAgencyId, long ReceivingAgencyId, long ProcedureId, long ProcedureVersionId, string ProcedureCode,
        string ProcedureName, string CaseCode, DossierStatus Status, Channel Channel, DateTime? ReceivedAt, DateTime? ClockStartAt, DateTime? DueAt,
        DateTime? ProcessingEndedAt, DateTime? ReturnedAt, DateTime? EndedAt, DateTime? PausedAt, long PausedWorkingMinutes, bool NoAppointment,
        TimeLimitUnit LimitUnit, decimal LimitValue, int? Rating, DateTime? RatedAt, bool SyncedToPortal, bool PopulationVerified);

    public async Task<Index766Response> HandleAsync(Period766 period, long? agencyId, CancellationToken ct)
    {
        var reportPeriod = period.AsReportPeriod();
        var start = reportPeriod.StartUtc;
        var end = reportPeriod.EndUtc;
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        var dayHours = (decimal)calendar.Hours.DayLength.TotalHours;
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;

        var dossiers = db.Dossiers.AsNoTracking().InReportPopulation(reportPeriod).DecidedIn(scope);

        // Supplements during processing (those at reception come before the clock starts).
        var supplements = (await db.SupplementRequests.AsNoTracking()
                .Where(r => r.DuringProcessing && r.RequestedAt < end && dossiers.Select(d => d.Id).Contains(r.DossierId))
                .Select(r => new { r.DossierId, r.RequestedAt, r.AcceptedAt }).ToListAsync(ct))
            .ToLookup(r => r.DossierId, r => new SupplementSpan(AsUtc(r.RequestedAt), r.AcceptedAt is { } a ? AsUtc(a) : null));
        var files = await Index766Files.LoadAsync(db, dossiers, start, end, ct);
        var versions = await Index766Versions.LoadAsync(db, ct);

        // The dossiers are streamed and judged once each (a year of a province is millions of rows):
        // memory holds the tallies, not the dossiers.
        var judging = new Dossier766Period(start, end, now, calendar);
        var province = new Dossier766Tally(judging);
        var times = new ProcessingTime766Tally();
        var byAgency = new Dictionary<long, Dossier766Tally>();
        var usedOnline = new HashSet<(long ProcedureId, long AgencyId)>();
        var usedPopulation = new HashSet<(long ProcedureId, long AgencyId)>();
        var rows = dossiers.Select(d => new Row(d.Id, d.CompetentAgencyId, d.ReceivingAgencyId, d.ProcedureId, d.ProcedureVersionId, d.ProcedureCode,
            d.ProcedureName, d.CaseCode, d.Status, d.Channel, d.ReceivedAt, d.ClockStartAt, d.DueAt, d.ProcessingEndedAt, d.ReturnedAt, d.EndedAt,
            d.PausedAt, d.PausedWorkingMinutes, d.NoAppointment, d.LimitUnit, d.LimitValue, d.Rating, d.RatedAt,
            db.DossierSyncStates.Any(s => s.DossierId == d.Id && s.Target == DvcqgOptions.Target && s.KnownByTarget), d.PopulationVerified));
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var judgement = judging.Judge(Fact(r, supplements[r.Id].ToList(), files.Of(r.Id), versions.GetValueOrDefault(r.ProcedureVersionId)));
            province.Add(judgement);
            times.Add(judgement);
            if (judgement.Counted)
            {
                if (!byAgency.TryGetValue(r.CompetentAgencyId, out var tally))
                    byAgency[r.CompetentAgencyId] = tally = new Dossier766Tally(judging);
                tally.Add(judgement);
            }
            if (r.Channel == Channel.Online && r.ReceivedAt >= start)
            {
                usedOnline.Add((r.ProcedureId, r.ReceivingAgencyId));
                usedOnline.Add((r.ProcedureId, r.CompetentAgencyId));
            }
            if (r.PopulationVerified && r.ReceivedAt >= start)
            {
                usedPopulation.Add((r.ProcedureId, r.ReceivingAgencyId));
                usedPopulation.Add((r.ProcedureId, r.CompetentAgencyId));
            }
        }
        var offerings = await OfferingsAsync(period, scope, usedOnline, usedPopulation, ct);
        var previousYear = await Index766PreviousYear.SharesAsync(db, period, scope,
            province.Counts.ReceivedInPeriod == 0 || byAgency.Values.Any(t => t.Counts.ReceivedInPeriod == 0), ct);

        var provinceScores = Decision766Scorecard.Score(province.Counts with { PreviousYearShare = previousYear.Total }, Decision766Catalogue.Count(offerings.Select(o => o.Offering)), dayHours);
        var (points, max) = Score766.Total(provinceScores);
        var provinceUnit = new Index766Unit(points, max, provinceScores, times.Result(dayHours));

        var ranked = byAgency.Keys.ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ranked.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var offered = offerings.ToLookup(o => o.AgencyId, o => o.Offering);
        var agencies = ranked.Select(id =>
        {
            var scores = Decision766Scorecard.Score(byAgency[id].Counts with { PreviousYearShare = previousYear.Of(id) }, Decision766Catalogue.Count(offered[id]), dayHours, computableOnly: true);
            var (p, m) = Score766.Total(scores);
            return new Index766Agency(names[id].Code, names[id].Name, 0, p, m, scores);
        }).ToList();

        return new Index766Response(
            new Index766Period(IsoDate.Format(period.From), IsoDate.Format(period.To), period.Label),
            provinceUnit, Rank(agencies),
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

    private static Dossier766Fact Fact(Row r, List<SupplementSpan> supplements, Index766Files.OfDossier files, Index766Versions.Facts? version)
    {
        var required = version?.RequiredByCase.GetValueOrDefault(r.CaseCode) ?? [];
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
            ResultIsDocument = version?.ResultIsDocument ?? false,
            HasElectronicResult = files.HasResult,
            // Components received as files: at reception (Component) or as a supplement at the desk (Supplement), by document index.
            ComponentsDigitised = files.HasComponents && required.All(files.HasComponent),
            Rating = r.Rating,
            RatedAt = AsUtc(r.RatedAt),
            SyncedToPortal = r.SyncedToPortal,
            UsedPopulationData = r.PopulationVerified,
        };
    }

    /// <summary>
    /// The offerings in scope of the procedures whose version is in force at the period end (or today
    /// if earlier); MotCua keeps only the current offerings, regenerated at each publication.
    /// </summary>
    private async Task<List<(long AgencyId, Offering766 Offering)>> OfferingsAsync(Period766 period, HashSet<long>? scope,
        HashSet<(long ProcedureId, long AgencyId)> used, HashSet<(long ProcedureId, long AgencyId)> usedPopulation, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var on = period.To < today ? period.To : today;
        var complete = (await db.ProcedureVersions.AsNoTracking()
                .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= on && (v.EffectiveTo == null || v.EffectiveTo > on))
                .OrderBy(v => v.Id).Select(v => new { v.ProcedureId, v.Definition }).Take(100_000).ToListAsync(ct))
            .GroupBy(v => v.ProcedureId).ToDictionary(g => g.Key,
                g => (Complete: Decision766Catalogue.MissingParts(g.First().Definition).Count == 0, Citizens: Decision766Catalogue.ForCitizens(g.First().Definition)));
        var query = db.ProcedureOfferings.AsNoTracking();
        if (scope is not null)
            query = query.Where(o => scope.Contains(o.AgencyId));
        var rows = await query.OrderBy(o => o.Id).Select(o => new { o.ProcedureId, o.AgencyId, o.OnlineLevel }).Take(1_000_000).ToListAsync(ct);
        return rows.Where(o => complete.ContainsKey(o.ProcedureId))
            .Select(o => (o.AgencyId, new Offering766(o.ProcedureId, o.OnlineLevel, complete[o.ProcedureId].Complete, used.Contains((o.ProcedureId, o.AgencyId)),
                complete[o.ProcedureId].Citizens, usedPopulation.Contains((o.ProcedureId, o.AgencyId)))))
            .ToList();
    }

    private static DateTime AsUtc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime? AsUtc(DateTime? t) => t is { } v ? AsUtc(v) : null;

    public static async Task<IResult> Endpoint(string? period, string? agency, Index766Handler handler, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var parsed = Parse(period, VietnamTime.Today(time), out var error);
        if (parsed is null)
            return Problems.Validation("period", error!);
        var (found, agencyId) = await AgencyTree.FindAsync(db, agency, ct);
        if (!found)
            return Problems.NotFound(StatisticsRequest.UnknownAgency);
        return TypedResults.Ok(await handler.HandleAsync(parsed, agencyId, ct));
    }

    /// <summary>A period as <see cref="Period766.Parse"/> reads it, refused when it has not started: nothing is measured yet.</summary>
    public static Period766? Parse(string? text, DateOnly today, out string? error)
    {
        var period = Period766.Parse(text, out error);
        if (period is not null && period.From > today)
        {
            error = "Kỳ đánh giá chưa bắt đầu.";
            return null;
        }
        return period;
    }
}

