using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Catalog;

public sealed record PublishVersionRequest(string? EffectiveFrom);

public sealed record PublishVersionResult(string Code, int Number, DateOnly EffectiveFrom, int? ClosedVersion);

/// <summary>
/// Publishes a reviewed draft version of a procedure (for example one filled from DVCQG's catalogue,
/// docs/integrations/dvcqg.md#catalogue): the draft must pass the same rules as an imported catalogue and
/// name agencies that exist; it takes effect from the given day (today at the earliest, and after the
/// version in force, which is closed that day and otherwise left as it was — docs/domain/dossier-states.md#procedure-version);
/// the procedure's offerings follow the new version. One SaveChanges with the audit row; a refusal writes nothing.
/// </summary>
public sealed class PublishProcedureVersionHandler(AppDbContext db, AgencyKeyResolver agencies, TimeProvider time)
{
    public sealed record Outcome(PublishVersionResult? Result, ProblemHttpResult? Problem);

    public async Task<Outcome> HandleAsync(string code, int number, DateOnly? effectiveFrom, long? userId, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var from = effectiveFrom ?? today;
        if (from < today)
            return Fail(Problems.Validation("effectiveFrom", "Ngày có hiệu lực không được trước hôm nay."));
        var procedure = await db.Procedures.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Code == code, ct);
        var draft = procedure?.Versions.SingleOrDefault(v => v.Number == number);
        if (procedure is null || draft is null)
            return Fail(Problems.NotFound($"Không có phiên bản {number} của thủ tục {code}."));
        if (draft.State != VersionState.Draft)
            return Fail(Problems.Problem(StatusCodes.Status409Conflict, "version-already-published", "Phiên bản này đã được công bố",
                "Phiên bản đã công bố không thay đổi được; hãy tạo bản nháp mới."));

        var errors = ProcedureDefinitionRules.Validate(draft.Definition, "").ToList();
        if (!await db.Sectors.AnyAsync(s => s.Code == draft.Definition.SectorCode, ct))
            errors.Add(new FieldError("sectorCode", $"Không có lĩnh vực mã {draft.Definition.SectorCode}."));
        var resolved = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        foreach (var key in draft.Definition.ReceivingAgencies.Append(draft.Definition.CompetentAgency).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct())
        {
            resolved[key] = await agencies.ResolveAsync(key, today, ct);
            if (resolved[key].Count == 0)
                errors.Add(new FieldError("agencies", $"Không có cơ quan mã {key}: sửa bản nháp trước khi công bố."));
        }
        var current = procedure.Versions.Where(v => v.State == VersionState.Published)
            .OrderByDescending(v => v.EffectiveFrom).FirstOrDefault(v => v.EffectiveTo is null);
        if (current is not null && current.EffectiveFrom >= from)
            errors.Add(new FieldError("effectiveFrom", $"Phiên bản mới phải có hiệu lực sau ngày {current.EffectiveFrom:dd/MM/yyyy}."));
        if (errors.Count > 0)
            return Fail(Problems.Validation(errors));

        var now = time.GetUtcNow().UtcDateTime;
        if (current is not null)
            current.EffectiveTo = from;
        draft.State = VersionState.Published;
        draft.EffectiveFrom = from;
        draft.PublishedAt = now;
        var offerings = await db.ProcedureOfferings.Where(o => o.ProcedureId == procedure.Id).ToListAsync(ct);
        db.ProcedureOfferings.RemoveRange(offerings);
        foreach (var agencyId in resolved.Values.SelectMany(ids => ids).Distinct())
            db.ProcedureOfferings.Add(new ProcedureOffering { ProcedureId = procedure.Id, AgencyId = agencyId, OnlineLevel = draft.Definition.OnlineLevel, LegacyLevel = draft.Definition.LegacyLevel });
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = userId,
            Action = "catalog.publish",
            EntityType = "Procedure",
            EntityId = code,
            Details = JsonSerializer.Serialize(new { number, effectiveFrom = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), closed = current?.Number }),
        });
        await db.SaveChangesAsync(ct);
        return new Outcome(new PublishVersionResult(code, number, from, current?.Number), null);
    }

    private static Outcome Fail(ProblemHttpResult problem) => new(null, problem);

    public static async Task<IResult> Endpoint(HttpContext http, string code, int number, PublishVersionRequest? request, PublishProcedureVersionHandler handler, CancellationToken ct)
    {
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(request?.EffectiveFrom))
        {
            if (!DateOnly.TryParseExact(request.EffectiveFrom, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                return Problems.Validation("effectiveFrom", "Ngày có hiệu lực phải theo dạng yyyy-MM-dd.");
            from = parsed;
        }
        var outcome = await handler.HandleAsync(code, number, from, http.User.UserId(), ct);
        return outcome.Problem is { } problem ? problem : TypedResults.Ok(outcome.Result);
    }
}
