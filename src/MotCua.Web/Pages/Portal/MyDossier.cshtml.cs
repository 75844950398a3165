using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Portal;

/// <summary>The applicant's own dossier: forms to download, and the applicant's actions (same runner as the API).</summary>
public sealed class MyDossierModel(GetDossierHandler get, DossierActionRunner runner, UploadFileHandler upload) : PageModel
{
    public DossierDetail? Detail { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<(string Number, string Name)> Forms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, CancellationToken ct) =>
        ActAsync(id, c => DecisionActions.Withdraw(c, new ReasonRequest(reason)), "Đã rút hồ sơ.", ct);

    public Task<IActionResult> OnPostReceiveOnlineAsync(long id, CancellationToken ct) =>
        ActAsync(id, ReturnActions.ReceiveOnline, "Bạn đã nhận kết quả trực tuyến.", ct);

    public Task<IActionResult> OnPostRateAsync(long id, int? rating, string? comment, CancellationToken ct) =>
        ActAsync(id, c => ReturnActions.Rate(c, new RateRequest(rating, comment)), "Cảm ơn bạn đã đánh giá.", ct);

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
        return await ActAsync(id, c => ReceptionActions.SubmitSupplement(c, new SupplementSubmission(note, documents)), "Đã gửi bổ sung.", ct);
    }

    private async Task<IActionResult> ActAsync(long id, Func<DossierActionContext, Task> action, string done, CancellationToken ct)
    {
        var outcome = await runner.TryAsync(id, DossierActor.From(User), action, ct);
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
        var forms = new List<(string, string)>();
        if (detail.Code is not null) forms.Add(("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
        if (detail.SupplementCount > 0) forms.Add(("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"));
        if (detail.Status == 3) forms.Add(("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"));
        if (detail.ExtensionCount > 0) forms.Add(("04", "Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết"));
        if (detail.Status is 7 or 8) forms.Add(("05", "Thông báo dừng giải quyết hồ sơ"));
        forms.Add(("06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"));
        Forms = forms;
        return true;
    }

    public static string Show(DateTime? utc) => utc is { } u
        ? DossierWorkflow.Local(u).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";
}
