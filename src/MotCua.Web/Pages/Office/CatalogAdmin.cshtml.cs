using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Catalog;

namespace MotCua.Web.Pages.Office;

/// <summary>The catalogue administrator's page: procedures awaiting review (draft versions) and "Lấy thủ tục từ Cổng DVCQG"; same handler as the API.</summary>
[Authorize(Policy = Permissions.CatalogManage)]
public sealed class CatalogAdminModel(AppDbContext db, ImportProcedureFromDvcqgHandler import, PublishProcedureVersionHandler publish) : PageModel
{
    public sealed record DraftRow(string Code, string Name, int Number, string SectorCode);

    public IReadOnlyList<DraftRow> Drafts { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(string? nationalCode, CancellationToken ct)
    {
        var outcome = await import.HandleAsync(nationalCode, User.UserId(), ct);
        if (outcome.Result is { } r)
        {
            Message = $"Đã lấy thủ tục {r.Code} – {r.Name} từ Cổng DVCQG vào bản nháp phiên bản {r.VersionNumber}; kiểm tra trước khi công bố."
                + (r.UnresolvedAgencies.Count > 0 ? $" Chưa khớp cơ quan: {string.Join(", ", r.UnresolvedAgencies)}." : "");
            return RedirectToPage();
        }
        return await ShowProblemAsync(outcome.Problem!, ct);
    }

    /// <summary>Publishes a reviewed draft (same handler as the API); an empty date means today.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string code, int number, DateOnly? effectiveFrom, CancellationToken ct)
    {
        var outcome = await publish.HandleAsync(code ?? "", number, effectiveFrom, User.UserId(), ct);
        if (outcome.Result is { } r)
        {
            Message = $"Đã công bố phiên bản {r.Number} của thủ tục {r.Code}, có hiệu lực từ ngày {r.EffectiveFrom:dd/MM/yyyy}."
                + (r.ClosedVersion is { } closed ? $" Phiên bản {closed} hết hiệu lực từ ngày đó." : "");
            return RedirectToPage();
        }
        return await ShowProblemAsync(outcome.Problem!, ct);
    }

    private async Task<IActionResult> ShowProblemAsync(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult result, CancellationToken ct)
    {
        var problem = result.ProblemDetails;
        Error = problem.Detail is { Length: > 0 } detail && problem.Status != StatusCodes.Status400BadRequest ? $"{problem.Title}: {detail}" : problem.Title;
        if (problem is HttpValidationProblemDetails validation)
            Error = string.Join(" ", validation.Errors.SelectMany(e => e.Value));
        Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Drafts = await (from v in db.ProcedureVersions.AsNoTracking()
                        where v.State == VersionState.Draft
                        join p in db.Procedures.AsNoTracking() on v.ProcedureId equals p.Id
                        orderby p.Code
                        select new DraftRow(p.Code, v.Name, v.Number, v.SectorCode)).Take(500).ToListAsync(ct);
}
