using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Pages.Office;

/// <summary>Who is signed in to the office, as its header shows them: name, position and unit.</summary>
public sealed record OfficeHeader(string FullName, string? Title, string? AgencyName)
{
    /// <summary>The signed-in officer, or null for a visitor or an applicant (the office header then shows no person).</summary>
    public static async Task<OfficeHeader?> OfAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.FindFirstValue("kind") != nameof(AccountKind.Officer) || user.UserId() is not { } id)
            return null;
        var officer = await db.UserAccounts.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.FullName, u.Title, u.AgencyId }).SingleOrDefaultAsync(ct);
        if (officer is null)
            return null;
        var agency = officer.AgencyId is { } a ? await db.Agencies.AsNoTracking().Where(x => x.Id == a).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return new OfficeHeader(officer.FullName, officer.Title, agency);
    }
}
