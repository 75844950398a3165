using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record ReturnRequest(string? Method, string? ReceivedBy, string? PostalReference);
public sealed record RateRequest(int? Rating, string? Comment);

/// <summary>
/// Return of the result (Decree 61/2018 art. 20; status 10): at the counter (who received it),
/// online (the owner downloads it) or by post (recorded as a postal return; Decision 45/2016).
/// Then the applicant may rate satisfaction on the 5-level scale (Decree 61/2018 art. 27–32).
/// </summary>
public static class ReturnActions
{
    public static Task Return(DossierActionContext c, ReturnRequest body)
    {
        c.Require(Permissions.DossierReturn, c.Dossier.ReceivingAgencyId);
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

    /// <summary>The owner takes the result online (downloads it); counts as returned.</summary>
    public static Task ReceiveOnline(DossierActionContext c)
    {
        c.RequireOwner();
        var d = c.Dossier;
        DossierWorkflow.Apply(c.Db, d, DossierAction.Return, c.Actor, c.NowUtc, "Công dân nhận kết quả trực tuyến");
        d.ReturnedAt = c.NowUtc;
        d.ReturnMethod = ReturnMethod.Online;
        d.ReturnedTo = d.ApplicantName;
        return Task.CompletedTask;
    }

    public static Task Rate(DossierActionContext c, RateRequest body)
    {
        c.RequireOwner();
        var d = c.Dossier;
        if (d.Status != DossierStatus.Returned)
            throw new DossierRuleException("Chỉ đánh giá sau khi đã nhận kết quả.");
        if (d.Rating is not null)
            throw new DossierRuleException("Hồ sơ đã được đánh giá.");
        DossierActionContext.Check(body.Rating is >= 1 and <= 5, "rating", "Chọn mức đánh giá từ 1 (rất không hài lòng) đến 5 (rất hài lòng).");
        DossierActionContext.Check(body.Comment is null || body.Comment.Length <= 2000, "comment", "Ý kiến tối đa 2000 ký tự.");
        d.Rating = body.Rating;
        d.RatingComment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
        d.RatedAt = c.NowUtc;
        d.Version++;
        return Task.CompletedTask;
    }

    public static string RatingName(int rating) => rating switch
    {
        5 => "Rất hài lòng",
        4 => "Hài lòng",
        3 => "Bình thường",
        2 => "Không hài lòng",
        _ => "Rất không hài lòng",
    };

    private static string Describe(ReturnMethod method, ReturnRequest body) => method switch
    {
        ReturnMethod.AtCounter => $"Trả kết quả tại quầy cho {body.ReceivedBy}",
        ReturnMethod.ByPost => $"Trả kết quả qua bưu chính, số hiệu {body.PostalReference}",
        _ => "Trả kết quả trực tuyến",
    };
}
