using System.Globalization;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

/// <summary>How the office pages show dossier values: Vietnam time (UTC+7, docs/architecture.md#time), Vietnamese names.</summary>
public static class OfficeDisplay
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Moment(DateTime? utc) => utc is { } u
        ? DossierWorkflow.Local(u).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    public static string Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A plain duration (calendar time, no working-day rule), e.g. "2 ngày 3 giờ 5 phút"; zero parts are left out.</summary>
    public static string Duration(long minutes)
    {
        if (minutes <= 0)
            return "0 phút";
        var parts = new List<string>(3);
        if (minutes / 1440 is var days and > 0)
            parts.Add($"{days} ngày");
        if (minutes % 1440 / 60 is var hours and > 0)
            parts.Add($"{hours} giờ");
        if (minutes % 60 is var rest and > 0)
            parts.Add($"{rest} phút");
        return string.Join(' ', parts);
    }

    public static string Status(int status) => Enum.IsDefined((DossierStatus)status) ? DossierStateMachine.VietnameseName((DossierStatus)status) : "—";

    public static string Flag(string flag) => flag switch
    {
        nameof(DueFlag.DueSoon) => "Sắp đến hạn",
        nameof(DueFlag.Overdue) => "Quá hạn",
        _ => "",
    };

    public static string Channel(int channel) => (Core.Dossiers.Channel)channel switch
    {
        Core.Dossiers.Channel.Online => "Trực tuyến",
        Core.Dossiers.Channel.Postal => "Bưu chính",
        _ => "Trực tiếp",
    };

    public static string Queue(DossierQueue queue) => queue switch
    {
        DossierQueue.NewOnline => "Mới nộp trực tuyến",
        DossierQueue.ToProcess => "Cần xử lý",
        DossierQueue.DueSoon => "Sắp đến hạn",
        DossierQueue.Overdue => "Quá hạn",
        DossierQueue.AwaitingSupplement => "Chờ bổ sung",
        DossierQueue.ReadyToReturn => "Chờ trả kết quả",
        DossierQueue.Mine => "Tôi đang xử lý",
        _ => "Tất cả",
    };

    public static string FileKind(string kind) => kind switch
    {
        nameof(DossierFileKind.Supplement) => "Bổ sung",
        nameof(DossierFileKind.Result) => "Kết quả",
        _ => "Thành phần hồ sơ",
    };

    public static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024).ToString("#,0", Vietnamese)} KB"
        : $"{(bytes / 1024d / 1024d).ToString("0.0", Vietnamese)} MB";

    public static string Supplement(string state) => state switch
    {
        nameof(SupplementState.AwaitingApplicant) => "Đang chờ người nộp bổ sung",
        nameof(SupplementState.SubmittedByApplicant) => "Người nộp đã bổ sung, chờ xác nhận",
        _ => "Không có yêu cầu đang chờ",
    };

    public static string Payment(string state) => state switch
    {
        nameof(PaymentState.Requested) => "Đã yêu cầu, chờ thanh toán",
        nameof(PaymentState.Paid) => "Đã thanh toán",
        _ => "Chưa phát sinh",
    };

    public static string ReturnMethod(string? method) => method switch
    {
        nameof(Features.Dossiers.ReturnMethod.AtCounter) => "Tại quầy",
        nameof(Features.Dossiers.ReturnMethod.Online) => "Trực tuyến",
        nameof(Features.Dossiers.ReturnMethod.ByPost) => "Qua bưu chính",
        _ => "—",
    };
}
