using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>The obligation is paid: processing resumes. Confirmed by hand for now (the payment platform comes later).</summary>
public static class ConfirmPayment
{
    public static Task RunAsync(DossierActionContext c, NoteRequest body, CancellationToken ct)
    {
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.ConfirmPayment, c.Actor, c.NowUtc, body.Note ?? "Đã xác nhận thanh toán");
        DossierWorkflow.ResumeClock(d, c.Calendar, c.NowUtc);
        d.PaymentState = PaymentState.Paid;
        return Task.CompletedTask;
    }
}
