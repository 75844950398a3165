namespace MotCua.Web.Features.Dossiers.Actions;

public sealed record RateRequest(int? Rating, string? Comment);

/// <summary>
/// After the return, the applicant rates satisfaction on the 5-level scale (Decree 61/2018
/// art. 27–32). Not a transition: no history row, only the version changes.
/// </summary>
public static class Rate
{
    public static Task RunAsync(DossierActionContext c, RateRequest body, CancellationToken ct)
    {
        DossierActionContext.Check(body.Rating is >= 1 and <= 5, "rating", "Chọn mức đánh giá từ 1 (rất không hài lòng) đến 5 (rất hài lòng).");
        DossierActionContext.Check(body.Comment is null || body.Comment.Length <= 2000, "comment", "Ý kiến tối đa 2000 ký tự.");
        var d = c.Dossier;
        d.Rating = body.Rating;
        d.RatingComment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
        d.RatedAt = c.NowUtc;
        d.Version++;
        return Task.CompletedTask;
    }

    public static string LevelName(int rating) => rating switch
    {
        5 => "Rất hài lòng",
        4 => "Hài lòng",
        3 => "Bình thường",
        2 => "Không hài lòng",
        _ => "Rất không hài lòng",
    };
}
