using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// The IOC pages (office page and wall screen): the first figures are rendered by the server, so
/// the page works without JavaScript; wwwroot/js/ioc.js then draws the charts from the same JSON
/// (carried in a data attribute) and refreshes it from GET /api/statistics/ioc.
/// </summary>
public abstract class IocPageModel(IocHandler handler, AppDbContext db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    public IocResponse? Data { get; private set; }
    public string? AgencyName { get; private set; }
    /// <summary>What the agency field shows: the agency's name once found, else what was typed.</summary>
    public string? AgencyInput => AgencyName ?? Agency;
    public string? Error { get; private set; }
    /// <summary>The API response as JSON, exactly as the endpoint serialises it.</summary>
    public string InitialJson { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agency = string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim();
        var (found, agencyId) = await AgencyTree.FindAsync(db, Agency, ct);
        if (!found)
        {
            Error = StatisticsRequest.UnknownAgency;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        // A name was typed or picked: the links, the refresh and the wall screen carry the code from here on.
        if (agencyId is { } id)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Code, a.Name }).FirstAsync(ct);
            (Agency, AgencyName) = (agency.Code, agency.Name);
        }
        Data = await handler.HandleAsync(agencyId, ct);
        InitialJson = JsonSerializer.Serialize(Data, json.Value.SerializerOptions);
    }

    public string Endpoint => "/api/statistics/ioc" + (Agency is null ? "" : "?agency=" + Uri.EscapeDataString(Agency));

    /// <summary>The drill-down list of Report 06a for one figure (figure names of <c>Report06aFigures</c>, camelCase).</summary>
    /// <summary>The dossiers behind a figure; <paramref name="competentAgency"/> narrows to one report row (that agency alone, not its units).</summary>
    public static string DrillLink(string from, string to, string? agency, string figure, string? competentAgency = null) =>
        "/office/bao-cao/06a/ho-so" + Query(("from", from), ("to", to), ("agency", agency), ("competentAgency", competentAgency), ("figure", figure));

    public static string ReportLink(string from, string to, string? agency) =>
        "/office/bao-cao/06a" + Query(("from", from), ("to", to), ("agency", agency));

    private static string Query(params (string Key, string? Value)[] pairs) =>
        QueryString.Create(pairs.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).ToUriComponent();

    public static string Number(int n) => n.ToString("N0", Vietnamese);

    public static string Percent(double? p) => p is { } v ? v.ToString("0.#", Vietnamese) + "%" : "–";

    /// <summary>"2026-03-02T10:00:00" → "10:00:00".</summary>
    public static string Clock(string isoLocal) => isoLocal.Length >= 19 ? isoLocal[11..19] : isoLocal;

    public static string Day(string iso) => DateOnly.ParseExact(iso, IsoDate.Pattern, CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string MonthLabel(string yyyyMm) => yyyyMm.Length == 7 ? $"{yyyyMm[5..]}/{yyyyMm[..4]}" : yyyyMm;
}

public sealed class IocModel(IocHandler handler, AppDbContext db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IocPageModel(handler, db, json);

public sealed class IocWallModel(IocHandler handler, AppDbContext db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IocPageModel(handler, db, json);
