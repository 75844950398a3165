using MotCua.Core.Catalog;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Statistics;

/// <summary>What a statistics request is about: a period of Vietnam dates and, optionally, an agency with its children.</summary>
public sealed record StatisticsScope(ReportPeriod Period, long? AgencyId);

/// <summary>The scope read from a request, or why it was refused: field errors (400) or an unknown agency code (404 for the API).</summary>
public sealed record StatisticsScopeResult(StatisticsScope? Scope, IReadOnlyList<FieldError> Errors, string PeriodName = StatisticsRequest.ReportPeriodName)
{
    public bool UnknownAgency => Scope is null && Errors.Count == 0;

    public IResult Problem() => UnknownAgency ? Problems.NotFound(StatisticsRequest.UnknownAgency) : Problems.Validation(Errors);

    /// <summary>The refusal as the office pages show it.</summary>
    public string Message() => UnknownAgency ? StatisticsRequest.UnknownAgency
        : $"Vui lòng chọn {PeriodName.ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} hợp lệ: {string.Join(" ", Errors.Select(e => e.Message).Distinct())}";
}

/// <summary>
/// Reads the query of every statistics endpoint and office report page, so that an API call and
/// the page showing the same report accept and refuse the same input: one period rule
/// (<see cref="ReportPeriod"/>: from and to as yyyy-MM-dd, the end not before the start, at most
/// ten years), one agency filter (<see cref="AgencyTree.FindAsync"/>) and one export format list.
/// </summary>
public static class StatisticsRequest
{
    public const string UnknownAgency = "Không tìm thấy cơ quan với mã hoặc tên này; hãy chọn trong danh sách.";
    public const string ReportPeriodName = "Kỳ báo cáo";
    public const string EvaluationPeriodName = "Kỳ đánh giá";

    /// <summary>from and to as a period; what is wrong is added to <paramref name="q"/> (fields from, to).</summary>
    public static ReportPeriod? Period(this QueryParsing q, string? from, string? to, string name = ReportPeriodName)
    {
        var f = q.RequiredDate(from, "from");
        var t = q.RequiredDate(to, "to");
        if (f is null || t is null)
            return null;
        var period = ReportPeriod.Create(f.Value, t.Value, out var error, name);
        if (period is null)
            q.Add("to", error!);
        return period;
    }

    /// <summary>
    /// The period and the agency filter. Errors already in <paramref name="q"/> (other parameters
    /// of the endpoint) are kept; the agency is looked up only when every parameter is valid.
    /// </summary>
    public static async Task<StatisticsScopeResult> ScopeAsync(AppDbContext db, QueryParsing q, string? from, string? to, string? agency,
        CancellationToken ct, string name = ReportPeriodName)
    {
        var period = q.Period(from, to, name);
        if (!q.Ok || period is not { } p)
            return new StatisticsScopeResult(null, q.Errors, name);
        var (found, agencyId) = await AgencyTree.FindAsync(db, agency, ct);
        return new StatisticsScopeResult(found ? new StatisticsScope(p, agencyId) : null, [], name);
    }

    /// <summary>The export formats of the tabular reports; null when <paramref name="format"/> is one of them (or absent: JSON).</summary>
    public static IResult? FormatProblem(string? format) =>
        format is null or "" or "json" or "xlsx" or "pdf" ? null : Problems.Validation("format", "Định dạng là json, xlsx hoặc pdf.");
}
