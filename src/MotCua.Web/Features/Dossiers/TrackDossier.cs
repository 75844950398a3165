using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record TrackingStep(DateTime At, string Action, string Status, string? Agency);
public sealed record TrackingResponse(string Code, string ProcedureName, int Status, string StatusName, DateTime? ReceivedAt, DateTime? DueAt,
    DateTime? ReturnedAt, IReadOnlyList<TrackingStep> Steps);

/// <summary>
/// Public tracking by dossier code plus a check value: the last 4 digits of the applicant's ID
/// number or phone (issue 3 §8). The answer carries no personal data (no names, no notes); a wrong
/// check value and an unknown code give the same 404, and the endpoint is rate-limited per client.
/// </summary>
public sealed class TrackDossierHandler(AppDbContext db)
{
    public const string RateLimitPolicy = "tracking";

    public async Task<TrackingResponse?> HandleAsync(string code, string? check, CancellationToken ct)
    {
        if (code.Length > 40 || string.IsNullOrWhiteSpace(check))
            return null;
        var d = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code, ct);
        if (d is null || !TrackingCheck.Matches(check, d.CheckIdLast4, d.CheckPhoneLast4))
            return null;
        var history = await db.DossierHistory.AsNoTracking().Where(h => h.DossierId == d.Id).OrderBy(h => h.Id).Take(500)
            .GroupJoin(db.Agencies, h => h.ToAgencyId, a => a.Id, (h, a) => new { h, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new { x.h.At, x.h.ActionName, x.h.ToStatus, Agency = a != null ? a.Name : null })
            .ToListAsync(ct);
        return new TrackingResponse(d.Code!, d.ProcedureName, (int)d.Status, DossierStateMachine.VietnameseName(d.Status), d.ReceivedAt, d.DueAt, d.ReturnedAt,
            history.Select(h => new TrackingStep(h.At, h.ActionName, DossierStateMachine.VietnameseName(h.ToStatus), h.Agency)).ToArray());
    }

    public static async Task<IResult> Endpoint(string code, string? check, TrackDossierHandler handler, CancellationToken ct) =>
        await handler.HandleAsync(code, check, ct) is { } found
            ? TypedResults.Ok(found)
            : Problems.NotFound("Không tìm thấy hồ sơ với mã và số kiểm tra đã nhập.");
}
