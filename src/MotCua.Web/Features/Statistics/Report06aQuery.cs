using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Statistics.Counters;
using MotCua.Web.Infrastructure.Http;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Features.Statistics;

public sealed record Report06aRow(string AgencyCode, string AgencyName, Report06aFigures Figures, int Received, int Solved, int Pending);
public sealed record Report06aResponse(string From, string To, IReadOnlyList<Report06aRow> Rows, Report06aRow Total, string Convention);

/// <summary>
/// Report 06a by competent agency for a period of Vietnam dates [from, to], for an agency and its
/// children, a sector, a procedure or a channel. Figures come from the statistics counters kept in
/// the dossier transactions (<see cref="CounterQueries"/>; docs/adr/0003), and equal the Core
/// convention (<see cref="Report06a"/>) applied to the dossiers themselves
/// (<see cref="FromDossiersAsync"/>, the reference the reconciliation tests compare with).
/// </summary>
public sealed class Report06aHandler(AppDbContext db)
{
    public const string Convention =
        "Tiếp nhận (3) = Đã giải quyết (7) + Rút hồ sơ + Dừng xử lý + Đang giải quyết (11). Trước/đúng/quá hạn so sánh thời điểm kết thúc xử lý với thời hạn đến từng phút; hồ sơ không có ngày hẹn tính đúng hạn.";

    public async Task<Report06aResponse> HandleAsync(DateOnly from, DateOnly to, long? agencyId, string? sector, string? procedure, Channel? channel, CancellationToken ct)
    {
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;
        var counters = CounterQueries.Scope(db, scope, sector, procedure, channel);
        var figures = await CounterQueries.Report06aAsync(counters, from, to, c => c.AgencyId, ct);
        return await RespondAsync(from, to, figures, ct);
    }

    /// <summary>The same report counted from the dossiers themselves: the reference the counters must equal (tests, verification).</summary>
    public async Task<Report06aResponse> FromDossiersAsync(DateOnly from, DateOnly to, long? agencyId, string? sector, string? procedure, Channel? channel, CancellationToken ct)
    {
        var start = Utc(from);
        var end = Utc(to.AddDays(1));
        var dossiers = db.Dossiers.AsNoTracking()
            .Where(d => d.ReceivedAt != null && d.ReceivedAt < end && ((d.ProcessingEndedAt ?? d.EndedAt) == null || (d.ProcessingEndedAt ?? d.EndedAt) >= start));
        if (agencyId is { } root)
        {
            var scope = await AgencyTree.SubtreeAsync(db, root, ct);
            dossiers = dossiers.Where(d => scope.Contains(d.CompetentAgencyId));
        }
        if (!string.IsNullOrWhiteSpace(procedure))
            dossiers = dossiers.Where(d => d.ProcedureCode == procedure);
        if (!string.IsNullOrWhiteSpace(sector))
            dossiers = dossiers.Where(d => db.ProcedureVersions.Any(v => v.Id == d.ProcedureVersionId && v.SectorCode == sector));
        if (channel is { } c)
            dossiers = dossiers.Where(d => d.Channel == c);
        var rows = await dossiers
            .Select(d => new { d.CompetentAgencyId, d.Channel, d.Status, d.ReceivedAt, d.DueAt, d.ProcessingEndedAt, d.EndedAt })
            .ToListAsync(ct);
        var figures = rows.GroupBy(r => r.CompetentAgencyId)
            .Select(g => (g.Key, Figures: Report06a.Compute(g.Select(r => Fact(r.Channel, r.Status, r.ReceivedAt, r.DueAt, r.ProcessingEndedAt, r.EndedAt)), start, end)))
            .Where(r => r.Figures.Received > 0)
            .ToDictionary(r => r.Key, r => r.Figures);
        return await RespondAsync(from, to, figures, ct);
    }

    private async Task<Report06aResponse> RespondAsync(DateOnly from, DateOnly to, Dictionary<long, Report06aFigures> figures, CancellationToken ct)
    {
        var ids = figures.Keys.ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);
        var byAgency = figures
            .Select(kv => Row(names[kv.Key].Code, names[kv.Key].Name, kv.Value))
            .OrderBy(r => r.AgencyName, StringComparer.Create(new CultureInfo("vi-VN"), false))
            .ToArray();
        var total = byAgency.Aggregate(Report06aFigures.Zero, (sum, r) => sum + r.Figures);
        return new Report06aResponse(Iso(from), Iso(to), byAgency, Row("", "Tổng cộng", total), Convention);
    }

    public static DossierFact Fact(Channel channel, DossierStatus status, DateTime? received, DateTime? due, DateTime? processingEnded, DateTime? ended) =>
        Report06a.FactOf(channel, status, received, due, processingEnded, ended);

    private static Report06aRow Row(string code, string name, Report06aFigures f) => new(code, name, f, f.Received, f.Solved, f.Pending);

    private static DateTime Utc(DateOnly vietnamDate) => VietnamTime.ToOffset(vietnamDate.ToDateTime(TimeOnly.MinValue)).UtcDateTime;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<IResult> Endpoint(string? from, string? to, string? agency, string? sector, string? procedure, string? channel, string? format,
        Report06aHandler handler, AppDbContext db, InstallationOptions installation, CancellationToken ct)
    {
        var q = new QueryParsing();
        if (format is not (null or "" or "json" or "xlsx" or "pdf"))
            return Problems.Validation("format", "Định dạng là json, xlsx hoặc pdf.");
        var f = q.RequiredDate(from, "from");
        var t = q.RequiredDate(to, "to");
        var ch = q.Enum<Channel>(channel, "channel");
        if (q.Ok && t < f)
            return Problems.Validation("to", "Ngày kết thúc phải sau ngày bắt đầu.");
        if (q.Ok && t!.Value.DayNumber - f!.Value.DayNumber > 3660)
            return Problems.Validation("to", "Kỳ báo cáo tối đa 10 năm.");
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        var (found, agencyId) = await AgencyTree.FindByCodeAsync(db, agency, ct);
        if (!found)
            return Problems.NotFound("Không có cơ quan với mã này.");
        var report = await handler.HandleAsync(f!.Value, t!.Value, agencyId, sector, procedure, ch, ct);
        return format switch
        {
            "xlsx" => TypedResults.File(Report06aExport.Xlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bieu-06a-{report.From}-{report.To}.xlsx"),
            "pdf" => TypedResults.File(Report06aExport.Pdf(report, installation), "application/pdf", $"bieu-06a-{report.From}-{report.To}.pdf"),
            _ => TypedResults.Ok(report),
        };
    }
}

public static class StatisticsApi
{
    public static IServiceCollection AddStatistics(this IServiceCollection services) =>
        services.AddScoped<Report06aHandler>().AddScoped<Report06bHandler>().AddScoped<OpenDataSummaryHandler>().AddScoped<Index766Handler>()
            .AddScoped<Evaluation01Handler>().AddScoped<Report06aDossiersHandler>().AddIoc();

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics/report-06a", Report06aHandler.Endpoint).WithTags("Statistics")
            .RequireAuthorization(Permissions.StatisticsView)
            .WithSummary("Report II.06a for a period (Vietnam dates, inclusive), by competent agency: from, to, agency, sector, procedure, channel; format=json|xlsx|pdf");
        app.MapGet("/api/statistics/report-06b", Report06bHandler.Endpoint).WithTags("Statistics")
            .RequireAuthorization(Permissions.StatisticsView)
            .WithSummary("Report 06b: the 06a columns by sector (groupBy=sector) or level of government (groupBy=level): from, to, agency, channel; format=json|xlsx|pdf");
        app.MapGet("/api/open-data/summary", async (OpenDataSummaryHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Statistics").AllowAnonymous()
            .WithSummary("Public figures without personal data: catalogue by online level, this year's dossiers, on-time and online shares, satisfaction");
        app.MapIndex766Api();
        app.MapEvaluation01Api();
        app.MapIocApi();
        app.MapReport06aDossiersApi();
        return app;
    }
}
