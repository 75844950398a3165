using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Catalog;

/// <summary>Vietnamese wording of catalogue values for the portal pages.</summary>
public static class CatalogDisplay
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");

    public static string OnlineLevel(string level) => Enum.TryParse<OnlineLevel>(level, out var l) ? OnlineLevel(l) : level;

    public static string OnlineLevel(OnlineLevel level) => level switch
    {
        Core.Catalog.OnlineLevel.FullyOnline => "Dịch vụ công trực tuyến toàn trình",
        Core.Catalog.OnlineLevel.PartlyOnline => "Dịch vụ công trực tuyến một phần",
        _ => "Dịch vụ cung cấp thông tin",
    };

    public static string ImplementingLevel(string level) => level switch
    {
        nameof(Core.Catalog.ImplementingLevel.Province) => "Cấp tỉnh",
        nameof(Core.Catalog.ImplementingLevel.Commune) => "Cấp xã",
        _ => level,
    };

    public static string ApplicantType(ApplicantType type) => type switch
    {
        Core.Catalog.ApplicantType.Citizen => "Công dân Việt Nam",
        Core.Catalog.ApplicantType.Business => "Doanh nghiệp",
        Core.Catalog.ApplicantType.StateAgency => "Cơ quan nhà nước",
        _ => "Tổ chức khác",
    };

    public static string TimeLimit(TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.WorkingDays => $"{Number(limit.Value)} ngày làm việc",
        TimeLimitUnit.CalendarDays => $"{Number(limit.Value)} ngày",
        TimeLimitUnit.WorkingHours => $"{Number(limit.Value)} giờ làm việc",
        _ => "Trong ngày (nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)",
    };

    public static string Money(long amountVnd) =>
        amountVnd == 0 ? "Miễn phí" : amountVnd.ToString("#,0", Vietnamese) + " đồng";

    public static string Number(decimal value) => value.ToString("0.##", Vietnamese);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Role(ProcessRole role) => role switch
    {
        ProcessRole.Reception => "Bộ phận tiếp nhận",
        ProcessRole.DivisionHead => "Lãnh đạo phòng",
        ProcessRole.Handler => "Chuyên viên xử lý",
        ProcessRole.Leader => "Lãnh đạo ký duyệt",
        ProcessRole.Clerk => "Văn thư",
        _ => "Bộ phận trả kết quả",
    };
}
