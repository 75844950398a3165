using System.Globalization;
using System.Security.Claims;
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
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Statistics;

public sealed record Evaluation01Indicator(int Number, string Name, decimal? Score, int DossiersWithData);

public sealed record Evaluation01Agency(string Code, string Name, int Dossiers, IReadOnlyList<Evaluation01Indicator> Indicators,
    decimal Total, int MaxReached, string? Classification);

public sealed record Evaluation01Officer(string UserName, string FullName, string? AgencyCode, string? AgencyName, int Dossiers,
    IReadOnlyList<Evaluation01Indicator> Indicators, decimal Total, int MaxReached, string? Classification);

public sealed record Evaluation01Missing(int Number, string Name, string Reason);

public sealed record Evaluation01Rule(int Number, string Name, string Rule);

/// <summary>The evaluation of a period: regime, agencies, officers, the indicators left out and the rules MotCua applies.</summary>
public sealed record Evaluation01Response(
    string From, string To,
    string Regime, string RegimeNote, int DossiersUnderCircular01, int DossiersForReference,
    string Population, string Formula,
    IReadOnlyList<Evaluation01Agency> Agencies, IReadOnlyList<Evaluation01Officer> Officers,
    IReadOnlyList<Evaluation01Missing> MissingIndicators, IReadOnlyList<Evaluation01Rule> Rules);

/// <summary>
/// The Circular 01/2018/TT-VPCP evaluation (art. 13–15) of a period of Vietnam dates [from, to],
/// by competent agency (optionally an agency and its children) and by handling officer. The
/// population is Report 06a's: dossiers received before the end whose processing did not end before
/// the start — so ended in the period (solved, withdrawn, stopped) or pending at its end.
/// <para>
/// Volume: dossiers are read in keyset chunks of <see cref="ChunkSize"/> with only the columns the
/// scoring needs, and each chunk reads the history and consultations of its own dossiers only
/// (history is indexed by dossier). Each dossier is reduced to its scores at once and added to a
/// running scorecard of its agency and officer, so memory is one chunk plus a scorecard per agency
/// and officer in scope, whatever the length of the period.
/// </para>
/// Officers are listed by name only within the reader's <see cref="StatisticsAudience"/>; the agencies' scores name no one and are not limited.
/// </summary>
public sealed class Evaluation01Handler(AppDbContext db, CalendarProvider calendars)
{
    /// <summary>Dossiers per read; a test sets it small to cross chunk boundaries.</summary>
    public int ChunkSize { get; init; } = 1000;

    /// <summary>1 July 2025 00:00 Vietnam time: from then Decree 118/2025 replaces Decree 61/2018 and Circular 01/2018 (docs/domain/legal-framework.md#regimes).</summary>
    public static readonly DateTime NewRegimeFromUtc = new(2025, 6, 30, 17, 0, 0, DateTimeKind.Utc);

    /// <summary>The one-stop units (Bộ phận Một cửa) of the 2025 organisation (Decree 118/2025 art. 7; docs/domain/organisation.md#agency-kinds).</summary>
    private static readonly HashSet<AgencyKind> OneStopKinds = [AgencyKind.ProvincialServiceCentre, AgencyKind.CommuneServiceCentre, AgencyKind.ReceptionPoint];

    private sealed record AgencyRow(long Id, string Code, string Name, AgencyKind Kind);
    private sealed record DossierRow(long Id, DossierStatus Status, Channel Channel, long ProcedureVersionId, long ReceivingAgencyId, long CompetentAgencyId,
        long? AssigneeId, DateTime? ReceivedAt, DateTime? DueAt, DateTime? ProcessingEndedAt, DateTime? EndedAt, int SupplementCount, ReturnMethod? ReturnMethod);
    private sealed record HistoryRow(long DossierId, DateTime At, DossierAction? Action, int? Step, DateTime? StepDueAt, long? ToUserId);
    private sealed record ConsultationRow(long DossierId, DateTime DueAt, DateTime? AnsweredAt);

    private sealed class UnitTally
    {
        public Evaluation01Scorecard Card { get; } = new();
        public int ThroughOneStop { get; set; }
        public int Online { get; set; }
        public int LateOnline { get; set; }
    }

    public async Task<Evaluation01Response> HandleAsync(ReportPeriod period, long? agencyId, StatisticsAudience audience, CancellationToken ct)
    {
        var end = period.EndUtc;
        var calendar = await calendars.GetAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new AgencyRow(a.Id, a.Code, a.Name, a.Kind)).Take(100_000).ToDictionaryAsync(a => a.Id, ct);
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;
        var published = (await db.ProcedureVersions.AsNoTracking().Where(v => v.State == VersionState.Published).Select(v => v.Id).ToListAsync(ct)).ToHashSet();
        var units = new Dictionary<long, UnitTally>();
        var officers = new Dictionary<long, Evaluation01Scorecard>();
        int underCircular01 = 0, forReference = 0;

        for (long last = 0; ;)
        {
            var chunk = await db.Dossiers.AsNoTracking().InReportPopulation(period).DecidedIn(scope).Where(d => d.Id > last).OrderBy(d => d.Id).Take(ChunkSize)
                .Select(d => new DossierRow(d.Id, d.Status, d.Channel, d.ProcedureVersionId, d.ReceivingAgencyId, d.CompetentAgencyId, d.AssigneeId,
                    d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt, d.SupplementCount, d.ReturnMethod))
                .ToListAsync(ct);
            if (chunk.Count == 0)
                break;
            last = chunk[^1].Id;
            var ids = chunk.Select(d => d.Id).ToArray();
            // Rows without a step due only matter for the assignment (the handling officer).
            var history = (await db.DossierHistory.AsNoTracking()
                .Where(h => ids.Contains(h.DossierId) && (h.StepDueAt != null || h.Action == DossierAction.Assign))
                .OrderBy(h => h.DossierId).ThenBy(h => h.Id)
                .Select(h => new HistoryRow(h.DossierId, h.At, h.Action, h.Step, h.StepDueAt, h.ToUserId))
                .ToListAsync(ct)).ToLookup(h => h.DossierId);
            var consultations = (await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.DossierId))
                .Select(c => new ConsultationRow(c.DossierId, c.DueAt, c.AnsweredAt)).ToListAsync(ct)).ToLookup(c => c.DossierId);

            foreach (var d in chunk)
            {
                var ended = d.Status switch
                {
                    DossierStatus.Processed or DossierStatus.Returned => d.ProcessingEndedAt,
                    DossierStatus.Withdrawn or DossierStatus.Stopped => d.EndedAt,
                    _ => null,
                };
                var endedInPeriod = ended < end;
                var solvedAt = endedInPeriod && d.Status is DossierStatus.Processed or DossierStatus.Returned ? ended : null;
                var rows = history[d.Id];
                var scores = Evaluation01.Score(new DossierEvaluationFacts(
                    solvedAt, d.DueAt,
                    solvedAt is { } solved ? Steps(rows, consultations[d.Id], calendar, solved) : [],
                    d.SupplementCount,
                    // Every contact goes through the receiving (one-stop) unit in MotCua: in person only when
                    // submitted at the counter or the result was taken there (docs/domain/evaluation-01.md#data, indicator 4).
                    OrganisationsContacted: d.Channel == Channel.InPerson || d.ReturnMethod == ReturnMethod.AtCounter ? 1 : 0,
                    PublishedElectronically: published.Contains(d.ProcedureVersionId),
                    PostedAtOffice: false,      // posting at the office is not recorded
                    VerifiedComplaint: false)); // complaints are not recorded: none is invented

                if (!units.TryGetValue(d.CompetentAgencyId, out var unit))
                    units[d.CompetentAgencyId] = unit = new UnitTally();
                unit.Card.Add(scores);
                if (agencies.TryGetValue(d.ReceivingAgencyId, out var receiving) && OneStopKinds.Contains(receiving.Kind))
                    unit.ThroughOneStop++;
                if (d.Channel == Channel.Online)
                {
                    unit.Online++;
                    var late = solvedAt is { } s ? Report06a.Timeliness(s, d.DueAt) > 0 : !endedInPeriod && d.DueAt < end;
                    if (late)
                        unit.LateOnline++;
                }

                // AssigneeId is cleared when the result is approved, so a solved dossier's handler is its last assignment.
                if ((d.AssigneeId ?? rows.LastOrDefault(h => h.Action == DossierAction.Assign)?.ToUserId) is { } officerId)
                {
                    if (!officers.TryGetValue(officerId, out var card))
                        officers[officerId] = card = new Evaluation01Scorecard();
                    card.Add(scores);
                }
                if (d.ReceivedAt < NewRegimeFromUtc)
                    underCircular01++;
                else
                    forReference++;
            }
            if (chunk.Count < ChunkSize)
                break;
        }

        var agencyRows = await AgencyResultsAsync(units, agencies, ct);
        var officerRows = await OfficerResultsAsync(officers, agencies, audience, ct);
        var regime = forReference > 0 || (underCircular01 == 0 && end > NewRegimeFromUtc) ? Evaluation01Texts.RegimeReference : Evaluation01Texts.Regime01;
        var missing = Evaluation01.AllIndicators
            .Where(n => agencyRows.All(a => a.Indicators[n - 1].Score is null))
            .Select(n => new Evaluation01Missing(n, Evaluation01.IndicatorName(n), n == 8 ? Evaluation01Texts.NoFeedbackData : Evaluation01Texts.NoDataInPeriod))
            .ToArray();
        return new Evaluation01Response(IsoDate.Format(period.From), IsoDate.Format(period.To), regime, Evaluation01Texts.RegimeNote(underCircular01, forReference), underCircular01, forReference,
            Evaluation01Texts.Population, Evaluation01Texts.Formula, agencyRows, officerRows, missing, Evaluation01Texts.Rules);
    }

    private static List<StepTime> Steps(IEnumerable<HistoryRow> rows, IEnumerable<ConsultationRow> consultations, WorkingCalendar calendar, DateTime solvedAt)
    {
        var steps = Evaluation01Steps.FromHistory(rows.Select(h => new StepEvent(h.At, h.Action, h.Step, h.StepDueAt)), calendar).ToList();
        foreach (var c in consultations)
            if (Evaluation01Steps.Consultation(c.DueAt, c.AnsweredAt, solvedAt) is { } turn)
                steps.Add(turn);
        return steps;
    }

    private async Task<List<Evaluation01Agency>> AgencyResultsAsync(Dictionary<long, UnitTally> units, Dictionary<long, AgencyRow> agencies, CancellationToken ct)
    {
        var unitIds = units.Keys.ToArray();
        var offerings = await db.ProcedureOfferings.AsNoTracking().Where(o => unitIds.Contains(o.AgencyId))
            .GroupBy(o => o.AgencyId)
            .Select(g => new { AgencyId = g.Key, All = g.Count(), Online = g.Count(o => o.OnlineLevel != OnlineLevel.InformationOnly) })
            .ToDictionaryAsync(o => o.AgencyId, ct);
        var vietnamese = StringComparer.Create(new CultureInfo("vi-VN"), false);
        return units.Select(pair =>
        {
            var (id, unit) = pair;
            var agency = agencies[id];
            var card = unit.Card;
            var isOneStop = OneStopKinds.Contains(agency.Kind);
            var level = agency.Kind is AgencyKind.CommunePeopleCommittee or AgencyKind.CommuneServiceCentre or AgencyKind.CommunePolice
                ? EvaluationLevel.Commune : EvaluationLevel.ProvinceOrMinistry;
            // A one-stop unit that is itself competent decides its procedures there; other agencies' seconded approvers are not recorded.
            card.SetUnitScore(5, Evaluation01.OneStop(card.Dossiers, unit.ThroughOneStop, isOneStop ? 1m : 0m, level), card.Dossiers);
            card.SetUnitScore(8, null, 0);
            var offered = offerings.GetValueOrDefault(id);
            card.SetUnitScore(9, Evaluation01.OnlineService(offered?.All ?? 0, offered?.Online ?? 0, card.Dossiers, unit.Online, unit.LateOnline), card.Dossiers);
            var indicators = card.Indicators(Evaluation01.AllIndicators);
            var total = ScoreTotal.Of(indicators);
            return new Evaluation01Agency(agency.Code, agency.Name, card.Dossiers, Named(indicators), total.Total, total.MaxReached,
                total.MaxReached == 0 ? null : Evaluation01.AgencyClassification(total.Total));
        }).OrderBy(a => a.Name, vietnamese).ToList();
    }

    private async Task<List<Evaluation01Officer>> OfficerResultsAsync(Dictionary<long, Evaluation01Scorecard> officers, Dictionary<long, AgencyRow> agencies,
        StatisticsAudience audience, CancellationToken ct)
    {
        var ids = officers.Keys.ToArray();
        var people = await db.UserAccounts.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.FullName, u.AgencyId }).ToDictionaryAsync(u => u.Id, ct);
        var vietnamese = StringComparer.Create(new CultureInfo("vi-VN"), false);
        return officers.Where(o => people.TryGetValue(o.Key, out var person) && audience.Covers(person.AgencyId)).Select(pair =>
        {
            var person = people[pair.Key];
            var agency = person.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null;
            var indicators = pair.Value.Indicators(Evaluation01.OfficerIndicators);
            var total = ScoreTotal.Of(indicators);
            return new Evaluation01Officer(person.UserName, person.FullName, agency?.Code, agency?.Name, pair.Value.Dossiers, Named(indicators),
                total.Total, total.MaxReached, total.MaxReached == 0 ? null : Evaluation01.OfficerClassification(total.Total));
        }).OrderBy(o => o.AgencyName ?? "", vietnamese).ThenBy(o => o.FullName, vietnamese).ToList();
    }

    private static Evaluation01Indicator[] Named(IEnumerable<IndicatorScore> indicators) =>
        indicators.Select(i => new Evaluation01Indicator(i.Number, Evaluation01.IndicatorName(i.Number), i.Score, i.DossiersWithData)).ToArray();

    public static async Task<IResult> Endpoint(string? from, string? to, string? agency, ClaimsPrincipal user, Evaluation01Handler handler, AppDbContext db, CancellationToken ct)
    {
        var parsed = await StatisticsRequest.ScopeAsync(db, new QueryParsing(), from, to, agency, ct, StatisticsRequest.EvaluationPeriodName);
        if (parsed.Scope is not { } scope)
            return parsed.Problem();
        return TypedResults.Ok(await handler.HandleAsync(scope.Period, scope.AgencyId, await StatisticsAudience.OfAsync(db, user, ct), ct));
    }
}
