using MotCua.Core.Dossiers;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record ReturnRequest(string? Method, string? ReceivedBy, string? PostalReference);

/// <summary>
/// Return of the result by an officer (Decree 61/2018 art. 20; status 10): at the counter (who
/// received it), online, or by post (recorded as a postal return; Decision 45/2016).
/// </summary>
public static class Return
{
    public static Task RunAsync(DossierActionContext c, ReturnRequest body, CancellationToken ct)
    {
        var q = new QueryParsing();
        var method = q.Enum<ReturnMethod>(body.Method, "method");
        DossierActionContext.Check(q.Ok && method is not null, "method", "Chọn hình thức trả: AtCounter, Online hoặc ByPost.");
        DossierActionContext.Check(method != ReturnMethod.AtCounter || !string.IsNullOrWhiteSpace(body.ReceivedBy), "receivedBy", "Ghi họ tên người nhận kết quả tại quầy.");
        DossierActionContext.Check(method != ReturnMethod.ByPost || !string.IsNullOrWhiteSpace(body.PostalReference), "postalReference", "Ghi số hiệu bưu gửi.");
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Return, c.Actor, c.NowUtc, Describe(method!.Value, body));
        d.ReturnedAt = c.NowUtc;
        d.ReturnMethod = method;
        d.ReturnedTo = method == ReturnMethod.ByPost ? body.PostalReference?.Trim() : body.ReceivedBy?.Trim();
        return Task.CompletedTask;
    }

    private static string Describe(ReturnMethod method, ReturnRequest body) => method switch
    {
        ReturnMethod.AtCounter => $"Trả kết quả tại quầy cho {body.ReceivedBy}",
        ReturnMethod.ByPost => $"Trả kết quả qua bưu chính, số hiệu {body.PostalReference}",
        _ => "Trả kết quả trực tuyến",
    };
}
