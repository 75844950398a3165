using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts;

public sealed record OfficerItem(long Id, string UserName, string FullName, string? Title);

/// <summary>Active officers of the caller's own agency holding a role (e.g. the handlers a division head can assign).</summary>
public sealed class ListOfficersHandler(AppDbContext db)
{
    public async Task<IReadOnlyList<OfficerItem>> HandleAsync(long agencyId, OfficerRole role, CancellationToken ct) =>
        await db.UserAccounts.AsNoTracking()
            .Where(u => u.Active && u.Kind == AccountKind.Officer && u.Roles.Any(r => r.Role == role && r.AgencyId == agencyId))
            .OrderBy(u => u.FullName).Take(500)
            .Select(u => new OfficerItem(u.Id, u.UserName, u.FullName, u.Title))
            .ToListAsync(ct);

    public static async Task<IResult> Endpoint(string? role, HttpContext http, ListOfficersHandler handler, CancellationToken ct)
    {
        if (!long.TryParse(http.User.FindFirst("agency")?.Value, out var agency))
            return Problems.Problem(403, "forbidden", "Chỉ cán bộ xem được danh sách cán bộ của đơn vị");
        var q = new QueryParsing();
        var r = q.Enum<OfficerRole>(role, "role");
        if (!q.Ok || r is null)
            return Problems.Validation("role", "Chọn vai trò, ví dụ Handler.");
        return TypedResults.Ok(await handler.HandleAsync(agency, r.Value, ct));
    }
}
