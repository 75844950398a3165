using Microsoft.EntityFrameworkCore;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>Rows of Report 06a of one level of government, with their subtotal.</summary>
public sealed record Report06aGroup(string Name, string Members, IReadOnlyList<Report06aRow> Rows, Report06aRow Subtotal);

/// <summary>
/// Report 06a in the office: the same handler as GET /api/statistics/report-06a, with its exports.
/// A province has hundreds of rows, so the page leads with the total, then one foldable table per
/// level of government (since 1 July 2025 the province and the communes, Law 72/2025/QH15 on local
/// government organisation) with its subtotal and a header row that stays in view.
/// </summary>
public sealed class Report06aModel(Report06aHandler handler, AppDbContext db, TimeProvider time) : ReportPageModel(db, time)
{
    private readonly AppDbContext _db = db;

    public Report06aResponse? Report { get; private set; }
    public IReadOnlyList<Report06aGroup> Groups { get; private set; } = [];

    /// <summary>A group of at most this many rows opens unfolded.</summary>
    public const int OpenGroupRows = 25;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ScopeAsync(today => new DateOnly(today.Year, 1, 1), ct) is not { } scope)
            return;
        Report = await handler.HandleAsync(scope.Period, scope.AgencyId, null, null, null, ct);
        var codes = Report.Rows.Select(r => r.AgencyCode).ToList();
        var kinds = await _db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => new { a.Code, a.Kind }).ToListAsync(ct);
        var commune = kinds.Where(k => k.Kind is AgencyKind.CommunePeopleCommittee or AgencyKind.CommuneServiceCentre or AgencyKind.CommunePolice)
            .Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        Groups = new[]
            {
                Group("Cấp tỉnh", "sở, ngành, cơ quan ngành dọc", Report.Rows.Where(r => !commune.Contains(r.AgencyCode))),
                Group("Cấp xã", "xã, phường", Report.Rows.Where(r => commune.Contains(r.AgencyCode))),
            }
            .Where(g => g.Rows.Count > 0).ToList();
    }

    private static Report06aGroup Group(string name, string members, IEnumerable<Report06aRow> rows)
    {
        var list = rows.ToList();
        var sum = list.Aggregate(Report06aFigures.Zero, (s, r) => s + r.Figures);
        return new Report06aGroup(name, members, list, new Report06aRow("", "Cộng " + name.ToLowerInvariant(), sum, sum.Received, sum.Solved, sum.Pending));
    }

    /// <summary>
    /// The list behind a figure cell: same period and scope; a row adds its competent agency (rows are
    /// not subtrees). Null where the reader may not open that list (<see cref="StatisticsAudience"/>).
    /// </summary>
    public string? ListLink(Report06aRow row, Report06aFigure figure)
    {
        var agency = string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim();
        var competent = string.IsNullOrEmpty(row.AgencyCode) ? null : row.AgencyCode;
        return Audience.MayList(agency, competent) ? Report06aDossiersModel.ListLink(Report!.From, Report.To, agency, competent, figure) : null;
    }

    public string ExportLink(string format) => "/api/statistics/report-06a" + QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From,
        ["to"] = To,
        ["agency"] = string.IsNullOrWhiteSpace(Agency) ? null : Agency,
        ["format"] = format,
    }.Where(kv => kv.Value is not null)).ToUriComponent();
}
