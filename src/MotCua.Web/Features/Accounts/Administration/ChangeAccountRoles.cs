using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts.Sessions;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Administration;

/// <summary>A role held in an agency, by the agency's code.</summary>
public sealed record RoleGrant(OfficerRole Role, string AgencyCode)
{
    public static async Task<IReadOnlyList<RoleGrant>> ListAsync(AppDbContext db, long accountId, CancellationToken ct) =>
        await (from r in db.RoleAssignments.AsNoTracking()
               join a in db.Agencies on r.AgencyId equals a.Id
               where r.UserAccountId == accountId
               orderby r.Role, a.Code
               select new RoleGrant(r.Role, a.Code)).ToListAsync(ct);
}

public sealed record ChangeRolesRequest(IReadOnlyList<RoleGrant>? Roles);

/// <summary>
/// Replaces an officer's roles. The permissions travel in the session's claims, so every open
/// session of the account ends with the change: the next sign-in carries the new permissions.
/// </summary>
public sealed class ChangeAccountRolesHandler(AppDbContext db, TimeProvider time)
{
    private const int MaxRoles = 50;

    public async Task<IResult> HandleAsync(long id, ChangeRolesRequest? request, long? actorId, CancellationToken ct)
    {
        if (request?.Roles is not { } roles || roles.Count > MaxRoles || roles.Any(r => r is null || string.IsNullOrWhiteSpace(r.AgencyCode) || !Enum.IsDefined(r.Role)))
            return Problems.Validation("roles", $"Danh sách vai trò không hợp lệ (tối đa {MaxRoles}, mỗi vai trò kèm mã cơ quan).");
        var account = await db.UserAccounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
            return Problems.NotFound("Không tìm thấy tài khoản.");
        if (account.Kind != AccountKind.Officer)
            return Problems.Validation("roles", "Chỉ tài khoản cán bộ mới được giao vai trò.");
        var codes = roles.Select(r => r.AgencyCode.Trim()).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        if (codes.FirstOrDefault(c => !agencies.ContainsKey(c)) is { } unknown)
            return Problems.Validation("roles", $"Không có cơ quan mã {unknown}.");

        var wanted = roles.Select(r => (r.Role, AgencyId: agencies[r.AgencyCode.Trim()])).ToHashSet();
        account.Roles.RemoveAll(r => !wanted.Contains((r.Role, r.AgencyId)));
        foreach (var (role, agencyId) in wanted.Where(w => !account.Roles.Any(r => r.Role == w.Role && r.AgencyId == w.AgencyId)))
            account.Roles.Add(new RoleAssignment { Role = role, AgencyId = agencyId });

        var now = time.GetUtcNow().UtcDateTime;
        var ended = await SessionStore.EndAllAsync(db, id, SessionEndReason.RolesChanged, now, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = actorId,
            Action = "account.roles",
            EntityType = nameof(UserAccount),
            EntityId = id.ToString(CultureInfo.InvariantCulture),
            Details = string.Join(',', roles.Select(r => $"{r.Role}@{r.AgencyCode.Trim()}").Distinct().Order(StringComparer.Ordinal)) + $";sessionsEnded={ended}",
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AccountChangeResponse(id, account.Active, await RoleGrant.ListAsync(db, id, ct), ended));
    }

    public static Task<IResult> Endpoint(long id, ChangeRolesRequest? request, HttpContext http, ChangeAccountRolesHandler handler, CancellationToken ct) =>
        handler.HandleAsync(id, request, http.User.UserId(), ct);
}
