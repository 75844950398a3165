using System.Globalization;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Infrastructure.Installation;

/// <summary>
/// Who runs this installation, as its pages, forms and exports name it (section
/// <c>Installation</c>). appsettings.json carries the demo's values (Lạng Sơn); another province
/// sets its own there or through environment variables (<c>Installation__ProvinceName</c>, …).
/// The time zone is not a setting: Vietnam has one, UTC+7, at which the law sets deadlines and
/// the lunar calendar (Core's VietnamTime).
/// </summary>
public sealed class InstallationOptions
{
    public const string Section = "Installation";

    /// <summary>The province as written inside a sentence: "tỉnh Lạng Sơn" (a city: "thành phố Hải Phòng").</summary>
    public string ProvinceName { get; set; } = "";

    /// <summary>The province's official code ("20"): sign-up and counter intake offer its communes and wards.</summary>
    public string ProvinceCode { get; set; } = "";

    /// <summary>The place name written before the date on forms and letters (Decree 30/2020/ND-CP Annex I): "Lạng Sơn".</summary>
    public string PlaceName { get; set; } = "";

    /// <summary>
    /// The top line of the agency column on forms (Decree 30/2020/ND-CP Annex I) when the unit has no
    /// parent agency, on result letters and on the province's reports: "UBND TỈNH LẠNG SƠN".
    /// </summary>
    public string IssuingAuthority { get; set; } = "";

    /// <summary>The unit line under <see cref="IssuingAuthority"/> on the province's reports (Report 06a/06b).</summary>
    public string ReportingUnit { get; set; } = "";

    /// <summary>The portal's name, in every page title: "Cổng dịch vụ công tỉnh Lạng Sơn".</summary>
    public string PortalName { get; set; } = "";

    /// <summary>
    /// The agency that runs the one-stop service, named in the office header and on the help page:
    /// "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn". The province's name stands in when empty.
    /// </summary>
    public string? AgencyName { get; set; }

    /// <summary>Address of the emblem shown beside the portal's name (e.g. "/img/quoc-huy.png" under wwwroot); none when empty.</summary>
    public string? EmblemPath { get; set; }

    /// <summary>Contact of the public service centre, shown in the page footer when set.</summary>
    public string? Hotline { get; set; }

    public string? Address { get; set; }

    public string? Email { get; set; }

    /// <summary>Opening hours of the desks and the hotline, as the footer and the help page say them.</summary>
    public string OfficeHours { get; set; } = "sáng 07:00–11:30, chiều 13:30–17:00, từ thứ Hai đến thứ Sáu (trừ ngày nghỉ lễ, Tết)";

    /// <summary>The province at the start of a line: "Tỉnh Lạng Sơn".</summary>
    public string ProvinceTitle => ProvinceName.Length == 0 ? "" : char.ToUpper(ProvinceName[0], CultureInfo.GetCultureInfo("vi-VN")) + ProvinceName[1..];

    /// <summary>"Lạng Sơn, ngày 02 tháng 3 năm 2026": the place and date line of a form (Decree 30/2020/ND-CP Annex I).</summary>
    public string PlaceAndDate(DateOnly day) => $"{PlaceName}, ngày {day.Day:00} tháng {day.Month} năm {day.Year}";
}

public static class InstallationSetup
{
    /// <summary>Binds <see cref="InstallationOptions"/> and refuses to start without the names every form and page prints.</summary>
    public static IServiceCollection AddInstallation(this IServiceCollection services)
    {
        services.AddOptions<InstallationOptions>().BindConfiguration(InstallationOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ProvinceName) && !string.IsNullOrWhiteSpace(o.ProvinceCode)
                && !string.IsNullOrWhiteSpace(o.PlaceName) && !string.IsNullOrWhiteSpace(o.IssuingAuthority)
                && !string.IsNullOrWhiteSpace(o.ReportingUnit) && !string.IsNullOrWhiteSpace(o.PortalName),
                "Installation: ProvinceName, ProvinceCode, PlaceName, IssuingAuthority, ReportingUnit and PortalName are required.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<InstallationOptions>>().Value);
        return services;
    }
}
