using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Integrations.Population;

public sealed record PopulationReportRow(string? AgencyCode, string AgencyName, int Lookups, int Found, int NotFound, int Mismatch, int Unavailable);

public sealed record PopulationReport(string Month, int Lookups, IReadOnlyList<PopulationReportRow> Units);

/// <summary>
/// The monthly report of National Population Database accesses (docs/integrations/lgsp-population.md#report):
/// per unit (the officer's agency; citizens' own lookups at sign-up under "Cổng dịch vụ công"), how many
/// lookups and their outcomes, in the Vietnam-time month.
/// </summary>
public sealed class PopulationReportHandler(AppDbContext db)
{
    public const string PortalUnit = "Cổng dịch vụ công (công dân tự tra cứu khi đăng ký)";

    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        var ok = DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
        return ok && month.Year is >= 2000 and <= 2100;
    }

    public async Task<PopulationReport> HandleAsync(DateOnly month, CancellationToken ct)
    {
        var start = VietnamTime.ToOffset(month.ToDateTime(TimeOnly.MinValue)).UtcDateTime;
        var end = VietnamTime.ToOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime;
        var counts = await db.PopulationLookups.AsNoTracking().Where(l => l.At >= start && l.At < end)
            .GroupBy(l => new { l.AgencyId, l.Outcome }).Select(g => new { g.Key.AgencyId, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        var ids = counts.Where(c => c.AgencyId != null).Select(c => c.AgencyId!.Value).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var rows = counts.GroupBy(c => c.AgencyId).Select(g =>
        {
            int Of(LookupOutcome o) => g.Where(c => c.Outcome == o).Sum(c => c.Count);
            var agency = g.Key is { } id && names.TryGetValue(id, out var a) ? a : null;
            return new PopulationReportRow(agency?.Code, agency?.Name ?? PortalUnit, g.Sum(c => c.Count),
                Of(LookupOutcome.Found), Of(LookupOutcome.NotFound), Of(LookupOutcome.Mismatch), Of(LookupOutcome.Unavailable));
        }).OrderByDescending(r => r.Lookups).ThenBy(r => r.AgencyName, StringComparer.Ordinal).ToList();
        return new PopulationReport(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), rows.Sum(r => r.Lookups), rows);
    }
}
