using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Pages.Office;

/// <summary>The period (Vietnam dates, at most 10 years) and optional agency code of the office report pages, with their Vietnamese messages.</summary>
public static class ReportScopeInput
{
    public sealed record Scope(DateOnly From, DateOnly To, long? AgencyId);

    /// <summary>The scope, or the message to show with a 400 answer.</summary>
    public static async Task<(Scope? Scope, string? Error)> ParseAsync(AppDbContext db, string? from, string? to, string? agency, CancellationToken ct, string periodName = "kỳ báo cáo")
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            || t < f || t.DayNumber - f.DayNumber > 3660)
            return (null, $"Vui lòng chọn {periodName} hợp lệ (ngày kết thúc sau ngày bắt đầu, tối đa 10 năm).");
        var (found, id) = await AgencyTree.FindByCodeAsync(db, agency, ct);
        return found ? (new Scope(f, t, id), null) : (null, "Không có cơ quan với mã này.");
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
