using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Tests.Documents;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Tests.Web.Installation;

/// <summary>
/// The installation's identity comes from configuration (section Installation): another
/// province's values appear on the pages and in the PDF forms and exports, and the demo
/// province's do not, although the demo organisation (Lạng Sơn's agencies) is loaded.
/// </summary>
public class InstallationIdentityTests
{
    private static readonly Dictionary<string, string> OtherProvince = new()
    {
        ["Installation:ProvinceName"] = "tỉnh Thử Nghiệm",
        ["Installation:ProvinceCode"] = "99",
        ["Installation:PlaceName"] = "Thử Nghiệm",
        ["Installation:IssuingAuthority"] = "UBND TỈNH THỬ NGHIỆM",
        ["Installation:ReportingUnit"] = "VĂN PHÒNG UBND TỈNH THỬ NGHIỆM",
        ["Installation:PortalName"] = "Cổng dịch vụ công tỉnh Thử Nghiệm",
        ["Installation:EmblemPath"] = "/img/quoc-huy-thu-nghiem.png",
        ["Installation:Hotline"] = "0299 1234 567",
        ["Installation:Address"] = "Số 1 đường Thử Nghiệm",
        ["Installation:Email"] = "motcua@thunghiem.example",
    };

    [Fact]
    public async Task AnotherProvince_IsNamedOnPagesFormsAndReports()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: true, OtherProvince);

        var home = await host.Client().GetStringAsync("/");
        Assert.Contains("<title>", home, StringComparison.Ordinal);
        Assert.Contains("– Cổng dịch vụ công tỉnh Thử Nghiệm</title>", home, StringComparison.Ordinal);
        Assert.Contains("Tỉnh Thử Nghiệm – MotCua", home, StringComparison.Ordinal);
        Assert.Contains("src=\"/img/quoc-huy-thu-nghiem.png\"", home, StringComparison.Ordinal);
        Assert.Contains("Đường dây nóng: <a href=\"tel:02991234567\">0299 1234 567</a>", home, StringComparison.Ordinal);
        Assert.Contains("Số 1 đường Thử Nghiệm", home, StringComparison.Ordinal);
        Assert.Contains("mailto:motcua@thunghiem.example", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Lạng Sơn", home, StringComparison.Ordinal);
        // Sign-up offers the communes of the configured province: none of Lạng Sơn's.
        var signUp = await host.Client().GetStringAsync("/dang-ky");
        Assert.Contains("Xã, phường nơi cư trú (tỉnh Thử Nghiệm)", signUp, StringComparison.Ordinal);
        Assert.DoesNotContain("Đông Kinh", signUp, StringComparison.Ordinal);

        var reception = await host.ClientAs("reception.demo");
        var register = await PdfAsync(reception, "/api/registers/2026");
        Assert.Contains("UBND TỈNH THỬ NGHIỆM", register, StringComparison.Ordinal);
        Assert.Contains("Thử Nghiệm, ngày 02 tháng 3 năm 2026", register, StringComparison.Ordinal);
        // The units are the demo organisation's ("… TỈNH LẠNG SƠN"); the authority above them is the installation's.
        Assert.DoesNotContain("UBND TỈNH LẠNG SƠN", register, StringComparison.Ordinal);

        var leader = await host.ClientAs("leader.demo");
        var report = await PdfAsync(leader, "/api/statistics/report-06a?from=2026-01-01&to=2026-02-28&format=pdf");
        Assert.Contains("UBND TỈNH THỬ NGHIỆM", report, StringComparison.Ordinal);
        Assert.Contains("VĂN PHÒNG UBND TỈNH THỬ NGHIỆM", report, StringComparison.Ordinal);
        Assert.DoesNotContain("UBND TỈNH LẠNG SƠN", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoDefaults_NameLangSon()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false);
        var home = await host.Client().GetStringAsync("/");
        Assert.Contains("– Cổng dịch vụ công tỉnh Lạng Sơn</title>", home, StringComparison.Ordinal);
        Assert.Contains("Tỉnh Lạng Sơn – MotCua", home, StringComparison.Ordinal);
        // The demo shows Lạng Sơn's identity: an emblem (an original placeholder), the hotline, the help page.
        Assert.Contains("<img class=\"brand-emblem\" src=\"/img/emblem-lang-son.svg\"", home, StringComparison.Ordinal);
        Assert.Contains("Đường dây nóng: <a href=\"tel:02053810000\">0205 3 810 000</a>", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/tro-giup\">Trợ giúp, câu hỏi thường gặp</a>", home, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", home, StringComparison.Ordinal);

        var help = await host.Client().GetStringAsync("/tro-giup");
        Assert.Contains("<h1>Trợ giúp và câu hỏi thường gặp</h1>", help, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn", help, StringComparison.Ordinal);
        Assert.Contains("Làm sao để nộp hồ sơ trực tuyến?", help, StringComparison.Ordinal);

        var icon = await host.Client().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 0, 1, 0], (await icon.Content.ReadAsByteArrayAsync())[..4]);
        var emblem = await host.Client().GetAsync("/img/emblem-lang-son.svg");
        Assert.Equal(HttpStatusCode.OK, emblem.StatusCode);
        Assert.DoesNotContain("<script", await emblem.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NoContactConfigured_NoEmptyContactLine_NoEmblem()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false,
            new Dictionary<string, string> { ["Installation:EmblemPath"] = "", ["Installation:Hotline"] = "" });
        var home = await host.Client().GetStringAsync("/");
        Assert.DoesNotContain("Đường dây nóng", home, StringComparison.Ordinal);
        Assert.DoesNotContain("brand-emblem", home, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingIdentity_IsRefused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            OtherProvince.Select(kv => KeyValuePair.Create(kv.Key, kv.Key == "Installation:IssuingAuthority" ? "" : (string?)kv.Value))).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddInstallation().BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<InstallationOptions>());
        Assert.Contains("IssuingAuthority", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return PdfTools.Flatten(PdfTools.Text(await response.Content.ReadAsByteArrayAsync()));
    }
}
