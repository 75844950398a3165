using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// The dossiers behind one figure of Report 06a (docs/domain/statistics.md#drill-down): the same handler as
/// GET /api/statistics/report-06a/dossiers. Each code opens the office dossier page, which applies
/// its own scope; this list shows no applicant data.
/// </summary>
public sealed class Report06aDossiersModel(Report06aDossiersHandler handler, AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? CompetentAgency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true, Name = "channel")] public string? ChannelFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Figure { get; set; }

    public Report06aDossiersRequest? Query { get; private set; }
    public Report06aDossiersResponse? Result { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>The report's scope in words: agency (with its units), competent agency, sector, procedure, channel.</summary>
    public IReadOnlyList<string> Scope { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // "page" is Razor Pages' own route value, so it is read from the query string itself.
        var (query, errors) = Report06aDossiersRequest.Parse(From, To, Agency, CompetentAgency, Sector, Procedure, ChannelFilter, Figure,
            Request.Query["page"], null, PageSize);
        if (query is null)
        {
            Fail(errors.Select(e => $"{Label(e.Field)}: {e.Message}").ToArray());
            return;
        }
        Query = query;
        var result = await handler.HandleAsync(query, await StatisticsAudience.OfAsync(db, User, ct), ct);
        if (result.List is not { } list)
        {
            Fail([result.UnknownAgency ? StatisticsRequest.UnknownAgency : StatisticsAudience.OutsideScope],
                result.UnknownAgency ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden);
            return;
        }
        Result = list;
        Scope = await ScopeAsync(query, ct);
    }

    private void Fail(IReadOnlyList<string> errors, int status = StatusCodes.Status400BadRequest)
    {
        Errors = errors;
        Response.StatusCode = status;
    }

    private async Task<IReadOnlyList<string>> ScopeAsync(Report06aDossiersRequest q, CancellationToken ct)
    {
        var codes = new[] { q.Agency, q.CompetentAgency }.OfType<string>().ToArray();
        var names = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var scope = new List<string> { q.Agency is { } agency ? $"{names[agency]} (gồm các đơn vị trực thuộc)" : "Toàn tỉnh" };
        if (q.CompetentAgency is { } competent)
            scope.Add("Cơ quan giải quyết: " + names[competent]);
        if (q.Sector is { } sector)
            scope.Add("Lĩnh vực: " + sector);
        if (q.Procedure is { } procedure)
            scope.Add("Thủ tục: " + procedure);
        if (q.Channel is { } channel)
            scope.Add("Kênh: " + OfficeDisplay.Channel((int)channel));
        return scope;
    }

    private static string Label(string field) => field switch
    {
        "from" => "Từ ngày",
        "to" => "Đến ngày",
        "figure" => "Chỉ tiêu",
        "channel" => "Kênh tiếp nhận",
        "page" => "Trang",
        _ => field,
    };

    public static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>This list at another page, with the same parameters.</summary>
    public string Link(int page) => "/office/bao-cao/06a/ho-so" + QueryString.Create(Parameters(Query!)
        .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))).ToUriComponent();

    /// <summary>Back to the report of the same period and agency (the office report has only those filters).</summary>
    public string ReportLink() => "/office/bao-cao/06a" + QueryString.Create(Parameters(Query!)
        .Where(kv => kv.Key is "from" or "to" or "agency")).ToUriComponent();

    /// <summary>The link of a figure cell of the report to its list (the total row has no competent agency).</summary>
    public static string ListLink(string from, string to, string? agency, string? competentAgency, Report06aFigure figure) =>
        "/office/bao-cao/06a/ho-so" + QueryString.Create(new Dictionary<string, string?>
        {
            ["from"] = from,
            ["to"] = to,
            ["agency"] = agency,
            ["competentAgency"] = competentAgency,
            ["figure"] = Report06aDossiersHandler.Key(figure),
        }.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))).ToUriComponent();

    private static IEnumerable<KeyValuePair<string, string?>> Parameters(Report06aDossiersRequest q) => new Dictionary<string, string?>
    {
        ["from"] = IsoDate.Format(q.Period.From),
        ["to"] = IsoDate.Format(q.Period.To),
        ["agency"] = q.Agency,
        ["competentAgency"] = q.CompetentAgency,
        ["sector"] = q.Sector,
        ["procedure"] = q.Procedure,
        ["channel"] = q.Channel?.ToString(),
        ["figure"] = Report06aDossiersHandler.Key(q.Figure),
    }.Where(kv => kv.Value is not null);
}
