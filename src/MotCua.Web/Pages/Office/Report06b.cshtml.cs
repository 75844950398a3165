using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>Report 06b in the office: the same handler as GET /api/statistics/report-06b; sector figures link to their dossiers.</summary>
public sealed class Report06bModel(Report06bHandler handler, AppDbContext db, TimeProvider time) : ReportPageModel(db, time)
{
    /// <summary>The figure behind each numeric column of the table, in the order of <see cref="Report06aExport.Headers"/>.</summary>
    private static readonly string[] Figures =
    [
        "received", "newOnline", "newInPersonOrPostal", "carriedOver", "solved", "solvedEarly", "solvedOnTime", "solvedLate",
        "withdrawn", "stopped", "pending", "pendingWithinTime", "pendingOverdue",
    ];

    [BindProperty(SupportsGet = true)] public string? GroupBy { get; set; }
    public Report06bResponse? Report { get; private set; }

    public IReadOnlyList<string> Headers =>
        ["STT", GroupBy == "level" ? "Cấp giải quyết" : "Lĩnh vực", .. Report06aExport.Headers.Skip(2)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ScopeAsync(today => new DateOnly(today.Year, 1, 1), ct) is { } scope)
            Report = await handler.HandleAsync(scope.Period, scope.AgencyId, GroupBy == "level" ? Report06bGrouping.Level : Report06bGrouping.Sector, null, ct);
    }

    public string ExportLink(string format) => "/api/statistics/report-06b" + Query(new()
    {
        ["from"] = From,
        ["to"] = To,
        ["agency"] = Blank(Agency),
        ["groupBy"] = GroupBy == "level" ? "level" : "sector",
        ["format"] = format,
    });

    /// <summary>
    /// The dossiers behind a figure (the 06a drill-down list); by sector only — a level is not a filter
    /// of that list — and only where the reader may open it (<see cref="StatisticsAudience"/>).
    /// </summary>
    public string? DrillLink(Report06bRow row, int column) => GroupBy == "level" || !Audience.MayList(Blank(Agency), null) ? null : "/office/bao-cao/06a/ho-so" + Query(new()
    {
        ["from"] = From,
        ["to"] = To,
        ["agency"] = Blank(Agency),
        ["sector"] = Blank(row.Code),
        ["figure"] = Figures[column - 2],
    });

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Query(Dictionary<string, string?> values) =>
        QueryString.Create(values.Where(kv => kv.Value is not null)).ToUriComponent();
}
