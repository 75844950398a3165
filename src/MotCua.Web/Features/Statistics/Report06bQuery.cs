using System.Globalization;
using Microsoft.EntityFrameworkCore;
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
/// cấp xã — the district level ended on 1 July 2025, DOMAIN A.2), from the same counters and with the
/// same convention, so its total equals Report 06a's total for the same period and scope.
/// </summary>
public sealed class Report06bHandler(AppDbContext db)
{
    public const string ProvinceLevel = "TINH";
    public const string CommuneLevel = "XA";

    public async Task<Report06bResponse> HandleAsync(DateOnly from, DateOnly to, long? agencyId, Report06bGrouping groupBy, Channel? channel, CancellationToken ct)
    {
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;
        List<Report06bRow> rows;
        if (groupBy == Report06bGrouping.Sector)
        {
            // Only the by-procedure cube keeps the sector.
            var figures = await CounterQueries.Report06aAsync(CounterQueries.Scope(db, scope, null, null, channel, byProcedure: true), from, to, c => c.SectorCode, ct);
            var codes = figures.Keys.ToList();
            var names = await db.Sectors.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Name, ct);
            rows = figures.Select(kv => Row(kv.Key, names.GetValueOrDefault(kv.Key, kv.Key), kv.Value)).ToList();
        }
        else
        {
            var byAgency = await CounterQueries.Report06aAsync(CounterQueries.Scope(db, scope, null, null, channel), from, to, c => c.AgencyId, ct);
            var ids = byAgency.Keys.ToList();
            var kinds = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Kind, ct);
            rows = byAgency.GroupBy(kv => Level(kinds[kv.Key]))
                .Select(g => Row(g.Key, g.Key == ProvinceLevel ? "Cấp tỉnh" : "Cấp xã", g.Aggregate(Report06aFigures.Zero, (sum, kv) => sum + kv.Value)))
                .ToList();
        }
        var ordered = rows.OrderBy(r => r.Name, StringComparer.Create(new CultureInfo("vi-VN"), false)).ToArray();
        var total = ordered.Aggregate(Report06aFigures.Zero, (sum, r) => sum + r.Figures);
        return new Report06bResponse(Iso(from), Iso(to), groupBy == Report06bGrouping.Sector ? "sector" : "level", ordered, Row("", "Tổng cộng", total), Report06aHandler.Convention);
    }

    /// <summary>Provincial bodies and their units, vertical agencies → province; communes, their centres, police and reception points → commune.</summary>
    public static string Level(AgencyKind kind) => kind switch
    {
        AgencyKind.CommunePeopleCommittee or AgencyKind.CommuneServiceCentre or AgencyKind.CommunePolice or AgencyKind.ReceptionPoint => CommuneLevel,
        _ => ProvinceLevel,
    };

    private static Report06bRow Row(string code, string name, Report06aFigures f) => new(code, name, f, f.Received, f.Solved, f.Pending);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<IResult> Endpoint(string? from, string? to, string? agency, string? groupBy, string? channel, string? format,
        Report06bHandler handler, AppDbContext db, InstallationOptions installation, CancellationToken ct)
    {
        var q = new QueryParsing();
        if (format is not (null or "" or "json" or "xlsx" or "pdf"))
            return Problems.Validation("format", "Định dạng là json, xlsx hoặc pdf.");
        if (groupBy is not (null or "" or "sector" or "level"))
            return Problems.Validation("groupBy", "Nhóm theo lĩnh vực (sector) hoặc theo cấp (level).");
        var f = q.RequiredDate(from, "from");
        var t = q.RequiredDate(to, "to");
        var ch = q.Enum<Channel>(channel, "channel");
        if (q.Ok && t < f)
            return Problems.Validation("to", "Ngày kết thúc phải sau ngày bắt đầu.");
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        var (found, agencyId) = await AgencyTree.FindByCodeAsync(db, agency, ct);
        if (!found)
            return Problems.NotFound("Không có cơ quan với mã này.");
        var grouping = groupBy == "level" ? Report06bGrouping.Level : Report06bGrouping.Sector;
        var report = await handler.HandleAsync(f!.Value, t!.Value, agencyId, grouping, ch, ct);
        var asTable = new Report06aResponse(report.From, report.To,
            report.Rows.Select(r => new Report06aRow(r.Code, r.Name, r.Figures, r.Received, r.Solved, r.Pending)).ToList(),
            new Report06aRow("", report.Total.Name, report.Total.Figures, report.Total.Received, report.Total.Solved, report.Total.Pending), report.Convention);
        var layout = new Report06aExport.Layout("06b", grouping == Report06bGrouping.Sector ? "Lĩnh vực" : "Cấp giải quyết",
            Report06aExport.Title + (grouping == Report06bGrouping.Sector ? " THEO LĨNH VỰC" : " THEO CẤP"));
        return format switch
        {
            "xlsx" => TypedResults.File(Report06aExport.Xlsx(asTable, layout), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bieu-06b-{report.From}-{report.To}.xlsx"),
            "pdf" => TypedResults.File(Report06aExport.Pdf(asTable, installation, layout), "application/pdf", $"bieu-06b-{report.From}-{report.To}.pdf"),
            _ => TypedResults.Ok(report),
        };
    }
}
