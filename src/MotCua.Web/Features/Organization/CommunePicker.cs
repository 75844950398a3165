using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Organization;

/// <summary>
/// The province's communes and wards in force, by name, for the pickers where a citizen gives their
/// commune (sign-up, profile): a plain select that works without JavaScript, never a raw code field.
/// </summary>
public sealed record CommunePicker(string Label, IReadOnlyList<AdminUnit> Communes, string? Selected)
{
    public static async Task<IReadOnlyList<AdminUnit>> ListAsync(AppDbContext db, string provinceCode, CancellationToken ct) =>
        await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == provinceCode && u.ValidTo == null)
            .OrderBy(u => u.Name).Take(500).ToListAsync(ct);

    /// <summary>A code on file that is not among the province's communes (another province, a merged commune) stays selectable, shown as its code.</summary>
    public bool SelectedIsElsewhere => !string.IsNullOrEmpty(Selected) && Communes.All(c => c.Code != Selected);
}
