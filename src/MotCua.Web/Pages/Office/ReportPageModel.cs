using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Features.Statistics;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// An office report page of a period and an optional agency (Reports 06a and 06b, the Circular 01
/// evaluation): the query is read by the statistics request parser, with the API's period rule and
/// messages, and the reader's <see cref="StatisticsAudience"/> decides which lists the page links to.
/// </summary>
public abstract class ReportPageModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    /// <summary>What the agency field shows: the agency's name once found, else what was typed.</summary>
    public string? AgencyInput { get; private set; }
    public string? Error { get; private set; }
    protected StatisticsAudience Audience { get; private set; } = StatisticsAudience.Province;

    /// <summary>
    /// The scope asked for (by default from <paramref name="defaultFrom"/> of today to today), or null
    /// with the message shown and a 400 answer.
    /// </summary>
    protected async Task<StatisticsScope?> ScopeAsync(Func<DateOnly, DateOnly> defaultFrom, CancellationToken ct, string periodName = StatisticsRequest.ReportPeriodName)
    {
        var today = VietnamTime.Today(time);
        From ??= IsoDate.Format(defaultFrom(today));
        To ??= IsoDate.Format(today);
        AgencyInput = Agency;
        var parsed = await StatisticsRequest.ScopeAsync(db, new QueryParsing(), From, To, Agency, ct, periodName);
        if (parsed.Scope is null)
        {
            Error = parsed.Message();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        Audience = await StatisticsAudience.OfAsync(db, User, ct);
        // A name was typed or picked: the links and exports carry the code from here on.
        if (parsed.Scope.AgencyId is { } id)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Code, a.Name }).FirstAsync(ct);
            (Agency, AgencyInput) = (agency.Code, agency.Name);
        }
        return parsed.Scope;
    }
}
