using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Statistics;

namespace MotCua.Web.Pages.Office;

/// <summary>The Decision 766 index in the office: the same handler as GET /api/statistics/766.</summary>
public sealed class Index766Model(Index766Handler handler, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    public Index766Response? Report { get; private set; }
    /// <summary>What the agency field shows: the agency's name once found, else what was typed.</summary>
    public string? AgencyInput { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<(string Group, string Value, string Label)> Options { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        // A range typed in the two date fields wins over the list.
        if (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To))
            Period = $"{From?.Trim()}..{To?.Trim()}";
        Period ??= $"{today.Year}-Q{((today.Month - 1) / 3) + 1}";
        Options = PeriodOptions(today, Period);
        var period = Index766Handler.Parse(Period, today, out var error);
        if (period is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        AgencyInput = Agency;
        var (found, agencyId) = await AgencyTree.FindAsync(db, Agency, ct);
        if (!found)
        {
            Error = StatisticsRequest.UnknownAgency;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (agencyId is { } id)
            AgencyInput = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstAsync(ct);
        Report = await handler.HandleAsync(period, agencyId, ct);
    }

    /// <summary>This year and last year, their quarters, the last twelve months; a typed range is kept as its own choice.</summary>
    private static List<(string Group, string Value, string Label)> PeriodOptions(DateOnly today, string selected)
    {
        var options = new List<(string Group, string Value, string Label)>();
        void Add(string group, string value)
        {
            if (Period766.Parse(value, out _) is { } p)
                options.Add((group, value, p.Label));
        }
        for (var y = today.Year; y >= today.Year - 1; y--)
            Add("Năm", y.ToString(CultureInfo.InvariantCulture));
        for (var y = today.Year; y >= today.Year - 1; y--)
            for (var q = y == today.Year ? ((today.Month - 1) / 3) + 1 : 4; q >= 1; q--)
                Add("Quý", $"{y}-Q{q}");
        for (var (m, i) = (new DateOnly(today.Year, today.Month, 1), 0); i < 12; m = m.AddMonths(-1), i++)
            Add("Tháng", m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (options.All(o => !string.Equals(o.Value, selected, StringComparison.OrdinalIgnoreCase)) && Period766.Parse(selected, out _) is not null)
            Add("Khoảng ngày", selected);
        return options;
    }
}
