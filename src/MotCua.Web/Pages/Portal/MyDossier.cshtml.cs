using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Actions;

namespace MotCua.Web.Pages.Portal;

/// <summary>
/// The applicant's own dossier: forms to download (<see cref="DossierFormSet"/>), and the applicant's
/// actions, offered as the policy allows them and run by the same runner as the API.
/// </summary>
public sealed class MyDossierModel(GetDossierHandler get, DossierActionRunner runner, UploadFileHandler upload, AppDbContext db) : PageModel
{
    public DossierDetail? Detail { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<DossierFormLink> Forms { get; private set; } = [];
    public IReadOnlyList<DossierCommand> Commands { get; private set; } = [];

    public bool Shows(DossierCommand command) => Commands.Contains(command);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, CancellationToken ct) =>
        ActAsync(id, DossierCommand.Withdraw, (c, t) => Withdraw.RunAsync(c, new ReasonRequest(reason), t), "Đã rút hồ sơ.", ct);

    public Task<IActionResult> OnPostReceiveOnlineAsync(long id, CancellationToken ct) =>
        ActAsync(id, DossierCommand.ReceiveOnline, ReceiveOnline.RunAsync, "Bạn đã nhận kết quả trực tuyến.", ct);

    public Task<IActionResult> OnPostRateAsync(long id, int? rating, string? comment, CancellationToken ct) =>
        ActAsync(id, DossierCommand.Rate, (c, t) => Rate.RunAsync(c, new RateRequest(rating, comment), t), "Cảm ơn bạn đã đánh giá.", ct);

    public async Task<IActionResult> OnPostSupplementAsync(long id, string? note, IFormFile? file, CancellationToken ct)
    {
        var documents = new List<DocumentRef>();
        if (file is { Length: > 0 } && DossierActor.From(User) is { } actor)
        {
            var (stored, errors) = await upload.HandleAsync(file, actor, ct);
            if (stored is null)
            {
                await LoadAsync(id, ct);
                Message = string.Join(" ", errors.Select(e => e.Message));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            documents.Add(new DocumentRef(0, stored.Id));
        }
        return await ActAsync(id, DossierCommand.SubmitSupplement, (c, t) => SubmitSupplement.RunAsync(c, new SupplementSubmission(note, documents), t), "Đã gửi bổ sung.", ct);
    }

    private async Task<IActionResult> ActAsync(long id, DossierCommand command, Func<DossierActionContext, CancellationToken, Task> action, string done, CancellationToken ct)
    {
        var outcome = await runner.TryAsync(id, DossierActor.From(User), command, action, ct);
        if (outcome.Ok)
        {
            TempData["Flash"] = done;
            return Redirect($"/ho-so-cua-toi/{id}");
        }
        if (outcome.Kind == OutcomeKind.NotFound)
            return NotFound();
        await LoadAsync(id, ct);
        Message = outcome.Message;
        Response.StatusCode = outcome.Kind switch { OutcomeKind.Invalid => 400, OutcomeKind.Forbidden => 403, _ => 409 };
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (DossierActor.From(User) is not { IsOfficer: false } actor || await get.HandleAsync(id, actor, ct) is not { } detail)
            return false;
        Detail = detail;
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        Commands = await runner.AllowedAsync(dossier, actor, ct);
        Forms = DossierFormSet.Available(dossier);
        return true;
    }

    public static string Show(DateTime? utc) => utc is { } u
        ? DossierWorkflow.Local(u).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";
}
