using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers;

public enum DossierFormKind { Receipt, Supplement, Refusal, Apology, StopNotice, ControlSheet }

public sealed record DossierFormLink(string Number, string Name, DossierFormKind Kind);

/// <summary>
/// Which forms exist for a dossier: the one answer the forms endpoint (<see cref="DossierFormsHandler"/>)
/// and the office and portal pages use. Dossiers received from 1 July 2025 use the Circular
/// 03/2025/TT-VPCP set (01 receipt … 05 notice of stopping, 06 control sheet); older ones the Circular
/// 01/2018/TT-VPCP set, where 05 is the control sheet and there is no notice of stopping. A form
/// exists once the dossier has its content (a code for the receipt, a supplement request, …).
/// </summary>
public static class DossierFormSet
{
    public static readonly DateTime Regime2025 = new(2025, 6, 30, 17, 0, 0, DateTimeKind.Utc); // 1 Jul 2025 00:00 +07:00

    public static bool IsLegacy(Dossier d) => (d.ReceivedAt ?? d.SubmittedAt ?? d.CreatedAt) < Regime2025;

    /// <summary>The kind of form <paramref name="number"/> is in the dossier's set, or null when the set has no such number.</summary>
    public static DossierFormKind? KindOf(Dossier d, string number) => (IsLegacy(d), number) switch
    {
        (_, "01") => DossierFormKind.Receipt,
        (_, "02") => DossierFormKind.Supplement,
        (_, "03") => DossierFormKind.Refusal,
        (_, "04") => DossierFormKind.Apology,
        (false, "05") => DossierFormKind.StopNotice,
        (false, "06") or (true, "05") => DossierFormKind.ControlSheet,
        _ => null,
    };

    public static bool HasContent(Dossier d, DossierFormKind kind) => kind switch
    {
        DossierFormKind.Receipt => d.Code is not null && d.ReceivedAt is not null,
        DossierFormKind.Supplement => d.SupplementCount > 0,
        DossierFormKind.Refusal => d.RefusalReason is not null || d.Status == DossierStatus.Refused,
        DossierFormKind.Apology => d.ExtensionCount > 0,
        DossierFormKind.StopNotice => d.Status is DossierStatus.Stopped or DossierStatus.Withdrawn,
        _ => true,
    };

    /// <summary>The forms the dossier has, in number order.</summary>
    public static IReadOnlyList<DossierFormLink> Available(Dossier d)
    {
        var legacy = IsLegacy(d);
        return Enum.GetValues<DossierFormKind>()
            .Where(k => HasContent(d, k) && !(legacy && k == DossierFormKind.StopNotice))
            .Select(k => new DossierFormLink(Number(k, legacy), Name(k), k)).ToArray();
    }

    private static string Number(DossierFormKind kind, bool legacy) => kind switch
    {
        DossierFormKind.ControlSheet => legacy ? "05" : "06",
        _ => $"0{(int)kind + 1}",
    };

    private static string Name(DossierFormKind kind) => kind switch
    {
        DossierFormKind.Receipt => "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        DossierFormKind.Supplement => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        DossierFormKind.Refusal => "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
        DossierFormKind.Apology => "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        DossierFormKind.StopNotice => "Thông báo dừng giải quyết hồ sơ",
        _ => "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    };
}
