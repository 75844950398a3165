using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Statistics.Counters;
using MotCua.Web.Infrastructure.Http;

using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Features.Statistics;

public sealed record Report06aRow(string AgencyCode, string AgencyName, Report06aFigures Figures, int Received, int Solved, int Pending);
public sealed record Report06aResponse(string From, string To, IReadOnlyList<Report06aRow> Rows, Report06aRow Total, string Convention);

/// <summary>
/// Report 06a by competent agency for a period of Vietnam dates [from, to], for an agency and its
/// children, a sector, a procedure or a channel. Figures come from the statistics counters kept in
/// the dossier transactions (<see cref="CounterQueries"/>; docs/adr/0003), and equal the Core
/// convention (<see cref="Report06a"/>) applied to the dossiers themselves
/// (<see cref="FromDossiersAsync"/>, the reference the reconciliation tests compare with).
/// </summary>
public sealed class Report06aHandler(AppDbContext db)
{
    public const string Convention =
        "Tiếp nhận (3) = Đã giải quyết (7) + Rút hồ sơ + Dừng xử lý + Đang giải quyết (11). Trước/đúng/quá hạn so sánh thời điểm kết thúc xử lý với thời hạn đến từng phút; hồ sơ không có ngày hẹn tính đúng hạn.";

    public async Task<Report06aResponse> HandleAsync(ReportPeriod period, long? agencyId, string? sector, string? procedure, Channel? channel, CancellationToken ct)
    {
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;
        var counters = CounterQueries.Scope(db, scope, sector, procedure, channel);
        var figures = await CounterQueries.Report06aAsync(counters, period.From, period.To, c => c.AgencyId, ct);
        return await RespondAsync(period, figures, ct);
    }

    /// <summary>The same report counted from the dossiers themselves: the reference the counters must equal (tests, verification).</summary>
    public async Task<Report06aResponse> FromDossiersAsync(ReportPeriod period, long? agencyId, string? sector, string? procedure, Channel? channel, CancellationToken ct)
    {
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;
        var dossiers = db.Dossiers.AsNoTracking().InReportPopulation(period).DecidedIn(scope);
        if (!string.IsNullOrWhiteSpace(procedure))
            dossiers = dossiers.Where(d => d.ProcedureCode == procedure);
        if (!string.IsNullOrWhiteSpace(sector))
            dossiers = dossiers.Where(d => db.ProcedureVersions.Any(v => v.Id == d.ProcedureVersionId && v.SectorCode == sector));
        if (channel is { } c)
            dossiers = dossiers.Where(d => d.Channel == c);
        var rows = await dossiers
            .Select(d => new { d.CompetentAgencyId, d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt })
            .ToListAsync(ct);
        var figures = rows.GroupBy(r => r.CompetentAgencyId)
            .Select(g => (g.Key, Figures: Report06a.Compute(g.Select(r => Fact(r.Channel, r.Status, r.ReceivedAt, r.DueAt, r.ProcessingEndedAt, r.EndedAt)), period.StartUtc, period.EndUtc)))
            .Where(r => r.Figures.Received > 0)
            .ToDictionary(r => r.Key, r => r.Figures);
        return await RespondAsync(period, figures, ct);
    }

    private async Task<Report06aResponse> RespondAsync(ReportPeriod period, Dictionary<long, Report06aFigures> figures, CancellationToken ct)
    {
        var ids = figures.Keys.ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);
        var byAgency = figures
            .Select(kv => Row(names[kv.Key].Code, names[kv.Key].Name, kv.Value))
            .OrderBy(r => r.AgencyName, StringComparer.Create(new CultureInfo("vi-VN"), false))
            .ToArray();
        var total = byAgency.Aggregate(Report06aFigures.Zero, (sum, r) => sum + r.Figures);
        return new Report06aResponse(IsoDate.Format(period.From), IsoDate.Format(period.To), byAgency, Row("", "Tổng cộng", total), Convention);
    }

    public static DossierFact Fact(Channel channel, DossierStatus status, DateTime? received, DateTime? due, DateTime? processingEnded, DateTime? ended) =>
        Report06a.FactOf(channel, status, received, due, processingEnded, ended);

    private static Report06aRow Row(string code, string name, Report06aFigures f) => new(code, name, f, f.Received, f.Solved, f.Pending);

    public static async Task<IResult> Endpoint(string? from, string? to, string? agency, string? sector, string? procedure, string? channel, string? format,
        Report06aHandler handler, AppDbContext db, InstallationOptions installation, CancellationToken ct)
    {
        if (StatisticsRequest.FormatProblem(format) is { } wrongFormat)
            return wrongFormat;
        var q = new QueryParsing();
        var ch = q.Enum<Channel>(channel, "channel");
        var parsed = await StatisticsRequest.ScopeAsync(db, q, from, to, agency, ct);
        if (parsed.Scope is not { } scope)
            return parsed.Problem();
        var report = await handler.HandleAsync(scope.Period, scope.AgencyId, sector, procedure, ch, ct);
        return Report06aExport.Result(report, format, Report06aExport.ByUnit, installation);
    }
}
