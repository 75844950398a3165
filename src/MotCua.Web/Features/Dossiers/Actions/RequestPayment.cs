using MotCua.Core.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record PaymentRequestBody(long? AmountVnd, string? Note);

/// <summary>A financial obligation (status 6): the clock pauses until it is paid.</summary>
public static class RequestPayment
{
    public static Task RunAsync(DossierActionContext c, PaymentRequestBody body, CancellationToken ct)
    {
        DossierActionContext.Check(body.AmountVnd is > 0 and < 100_000_000_000, "amountVnd", "Số tiền phải lớn hơn 0 (đồng).");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.RequestPayment, c.Actor, c.NowUtc, body.Note ?? $"Nghĩa vụ tài chính {body.AmountVnd:N0} đồng");
        DossierWorkflow.PauseClock(d, c.NowUtc);
        d.PaymentState = PaymentState.Requested;
        d.FeeAmountVnd = body.AmountVnd!.Value;
        NotificationOutboxHandler.Queue(c.Db, c.NowUtc, d.ApplicantEmail, d.ApplicantPhone, $"Hồ sơ {d.Code}: nghĩa vụ tài chính",
            $"Hồ sơ {d.Code} cần nộp {d.FeeAmountVnd:N0} đồng để tiếp tục giải quyết.", d.Code);
        return Task.CompletedTask;
    }
}
