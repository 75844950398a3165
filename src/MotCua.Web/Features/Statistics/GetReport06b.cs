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

public enum Report06bGrouping { Sector, Level }

public sealed record Report06bRow(string Code, string Name, Report06aFigures Figures, int Received, int Solved, int Pending);
public sealed record Report06bResponse(string From, string To, string GroupBy, IReadOnlyList<Report06bRow> Rows, Report06bRow Total, string Convention);

/// <summary>
/// Report 06b: the 06a columns aggregated by sector (lĩnh vực) or by level of government (cấp tỉnh,
/// cấp xã — the district level ended on 1 July 2025, docs/domain/organisation.md#two-level-government), from the same counters and with the
/// same convention, so its total equals Report 06a's total for the same period and scope.
/// </summary>
public sealed class Report06bHandler(AppDbContext db)
{
    public const string ProvinceLevel = "TINH";
    public const string CommuneLevel = "XA";

    public async Task<Report06bResponse> HandleAsync(ReportPeriod period, long? agencyId, Report06bGrouping groupBy, Channel? channel, CancellationToken ct)
    {
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;
        List<Report06bRow> rows;
        if (groupBy == Report06bGrouping.Sector)
        {
            // Only the by-procedure cube keeps the sector.
            var figures = await CounterQueries.Report06aAsync(CounterQueries.Scope(db, scope, null, null, channel, byProcedure: true), period.From, period.To, c => c.SectorCode, ct);
            var codes = figures.Keys.ToList();
            var names = await db.Sectors.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Name, ct);
            rows = figures.Select(kv => Row(kv.Key, names.GetValueOrDefault(kv.Key, kv.Key), kv.Value)).ToList();
        }
        else
        {
            var byAgency = await CounterQueries.Report06aAsync(CounterQueries.Scope(db, scope, null, null, channel), period.From, period.To, c => c.AgencyId, ct);
            var ids = byAgency.Keys.ToList();
            var kinds = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Kind, ct);
            rows = byAgency.GroupBy(kv => Level(kinds[kv.Key]))
                .Select(g => Row(g.Key, g.Key == ProvinceLevel ? "Cấp tỉnh" : "Cấp xã", g.Aggregate(Report06aFigures.Zero, (sum, kv) => sum + kv.Value)))
                .ToList();
        }
        var ordered = rows.OrderBy(r => r.Name, StringComparer.Create(new CultureInfo("vi-VN"), false)).ToArray();
        var total = ordered.Aggregate(Report06aFigures.Zero, (sum, r) => sum + r.Figures);
        return new Report06bResponse(IsoDate.Format(period.From), IsoDate.Format(period.To), groupBy == Report06bGrouping.Sector ? "sector" : "level", ordered, Row("", "Tổng cộng", total), Report06aHandler.Convention);
    }

    /// <summary>Provincial bodies and their units, vertical agencies → province; communes, their centres, police and reception points → commune.</summary>
    public static string Level(AgencyKind kind) => kind switch
    {
        AgencyKind.CommunePeopleCommittee or AgencyKind.CommuneServiceCentre or AgencyKind.CommunePolice or AgencyKind.ReceptionPoint => CommuneLevel,
        _ => ProvinceLevel,
    };

    private static Report06bRow Row(string code, string name, Report06aFigures f) => new(code, name, f, f.Received, f.Solved, f.Pending);

    /// <summary>The 06b rows in the 06a table shape, for the exports.</summary>
    public static Report06aResponse AsTable(Report06bResponse report) => new(report.From, report.To,
        report.Rows.Select(r => new Report06aRow(r.Code, r.Name, r.Figures, r.Received, r.Solved, r.Pending)).ToList(),
        new Report06aRow("", report.Total.Name, report.Total.Figures, report.Total.Received, report.Total.Solved, report.Total.Pending), report.Convention);

    public static async Task<IResult> Endpoint(string? from, string? to, string? agency, string? groupBy, string? channel, string? format,
        Report06bHandler handler, AppDbContext db, InstallationOptions installation, CancellationToken ct)
    {
        if (StatisticsRequest.FormatProblem(format) is { } wrongFormat)
            return wrongFormat;
        if (groupBy is not (null or "" or "sector" or "level"))
            return Problems.Validation("groupBy", "Nhóm theo lĩnh vực (sector) hoặc theo cấp (level).");
        var q = new QueryParsing();
        var ch = q.Enum<Channel>(channel, "channel");
        // The same period rule as every report (at most ten years): a longer period is a 400, not a 500.
        var parsed = await StatisticsRequest.ScopeAsync(db, q, from, to, agency, ct);
        if (parsed.Scope is not { } scope)
            return parsed.Problem();
        var grouping = groupBy == "level" ? Report06bGrouping.Level : Report06bGrouping.Sector;
        var report = await handler.HandleAsync(scope.Period, scope.AgencyId, grouping, ch, ct);
        var layout = new Report06aExport.Layout("06b", grouping == Report06bGrouping.Sector ? "Lĩnh vực" : "Cấp giải quyết",
            Report06aExport.Title + (grouping == Report06bGrouping.Sector ? " THEO LĨNH VỰC" : " THEO CẤP"));
        return Report06aExport.Result(AsTable(report), format, layout, installation, report);
    }
}
