using System.Net;
using MotCua.Tests.Documents;
using MotCua.Tests.Infrastructure;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Office;

/// <summary>
/// The office as officers and leaders use it: its own header with the officer, unit and sign-out;
/// a receipt that lists what was handed in and names who received it; agencies picked by name; a
/// long report led by its total; the Decision 766 page in a leader's words.
/// </summary>
[Collection(DemoCollection.Name)]
public class OfficeLayoutAndReportsTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OfficeHeader_NamesTheOfficerAndUnit_WithSignOut_NotThePortalHeader(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await OfficeSignIn.AsAsync(host, "leader.demo");
        var home = WebUtility.HtmlDecode(await leader.GetStringAsync("/office"));
        Assert.Contains("<header class=\"office-top\">", home, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"officer-name\">Lương Thị Hoa</strong>", home, StringComparison.Ordinal);
        Assert.Contains("<span class=\"officer-unit\">Phó Giám đốc Sở · Sở Tài chính tỉnh Lạng Sơn</span>", home, StringComparison.Ordinal);
        Assert.Matches("<form method=\"post\" class=\"sign-out\" action=\"/office/dang-xuat\">.*<button type=\"submit\" class=\"secondary\">Đăng xuất</button>", home);
        Assert.Contains("<span class=\"brand-sub\">Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn</span>", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/office/bao-cao/06a\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Cổng dịch vụ công</span>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/ho-so-cua-toi\"", home, StringComparison.Ordinal);
        Assert.Contains("– Một cửa điện tử tỉnh Lạng Sơn</title>", home, StringComparison.Ordinal);

        // The sign-in page wears the office header too, without a person in it.
        var login = WebUtility.HtmlDecode(await host.Client().GetStringAsync("/office/dang-nhap"));
        Assert.Contains("<header class=\"office-top\">", login, StringComparison.Ordinal);
        Assert.DoesNotContain("officer-name", login, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Receipt_ListsOnlyTheDocumentsHandedIn_AndNamesTheReceivingOfficer(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        await OkAsync(await host.ClientAs("reception.demo"), id, "accept");

        var response = await citizen.GetAsync($"/api/dossiers/{id}/forms/01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = PdfTools.Flatten(PdfTools.Text(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Giấy đề nghị đăng ký doanh nghiệp tư nhân", receipt, StringComparison.Ordinal);
        // The optional documents of the procedure were not sent: they are not on the receipt.
        Assert.DoesNotContain("Văn bản ủy quyền", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản sao giấy tờ pháp lý", receipt, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Lan", receipt, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AgencyFilters_TakeANameOrACode_AndOfferTheListOfAgencies(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await OfficeSignIn.AsAsync(host, "leader.demo");
        var name = Uri.EscapeDataString("Sở Tài chính");

        var report = WebUtility.HtmlDecode(await leader.GetStringAsync($"/office/bao-cao/06a?from=2026-01-01&to=2026-03-02&agency={name}"));
        Assert.Contains("<h2 id=\"tong-cong\">Tổng cộng Sở Tài chính tỉnh Lạng Sơn</h2>", report, StringComparison.Ordinal);
        Assert.Contains("/api/statistics/report-06a?from=2026-01-01&to=2026-03-02&agency=STC&format=xlsx", report, StringComparison.Ordinal);
        Assert.Contains("value=\"Sở Tài chính tỉnh Lạng Sơn\" maxlength=\"200\" list=\"agency-list\"", report, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Sở Tài chính tỉnh Lạng Sơn\">STC</option>", report, StringComparison.Ordinal);

        var folded = await leader.GetAsync($"/office/bao-cao/766?period=2026-Q1&agency={Uri.EscapeDataString("so tai chinh")}");
        Assert.Equal(HttpStatusCode.OK, folded.StatusCode);
        Assert.Contains("value=\"Sở Tài chính tỉnh Lạng Sơn\"", WebUtility.HtmlDecode(await folded.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var ioc = WebUtility.HtmlDecode(await leader.GetStringAsync($"/office/ioc?agency={name}"));
        Assert.Contains("<p class=\"ioc-scope\">Sở Tài chính tỉnh Lạng Sơn</p>", ioc, StringComparison.Ordinal);
        Assert.Contains("data-endpoint=\"/api/statistics/ioc?agency=STC\"", ioc, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await host.ClientAs("leader.demo")).GetAsync($"/api/statistics/ioc?agency={name}")).StatusCode);

        // A word shared by many agencies names none of them.
        var vague = await leader.GetAsync($"/office/bao-cao/06a?from=2026-01-01&to=2026-03-02&agency={Uri.EscapeDataString("Sở")}");
        Assert.Equal(HttpStatusCode.BadRequest, vague.StatusCode);
        Assert.Contains("Không tìm thấy cơ quan với mã hoặc tên này", WebUtility.HtmlDecode(await vague.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Report06a_LeadsWithTheTotal_ThenFoldableGroupsByLevel(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await OfficeSignIn.AsAsync(host, "leader.demo");
        var html = WebUtility.HtmlDecode(await leader.GetStringAsync("/office/bao-cao/06a?from=2025-07-01&to=2026-03-02"));
        var total = html.IndexOf("<tr class=\"report-total\">", StringComparison.Ordinal);
        var province = html.IndexOf("<summary>Cấp tỉnh (sở, ngành, cơ quan ngành dọc):", StringComparison.Ordinal);
        var communes = html.IndexOf("<summary>Cấp xã (xã, phường):", StringComparison.Ordinal);
        Assert.True(total > 0 && province > total && communes > province, "the total first, then the province's agencies, then the communes");
        Assert.Contains("<p class=\"report-total-line\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"report-scroll\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"report-group\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Index766_SpeaksALeadersLanguage_NoStatusNumbers(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var leader = await OfficeSignIn.AsAsync(host, "leader.demo");
        var html = WebUtility.HtmlDecode(await leader.GetStringAsync("/office/bao-cao/766?period=2026-Q1"));
        Assert.Matches(@"Kết quả Quý I/2026: đạt [\d,]+% số điểm tính được <span class=""score-band band-\w+"">(Tốt|Khá|Trung bình|Cần cải thiện)</span>", html);
        Assert.Matches(@"\d+ trên \d+ hồ sơ được giải quyết đúng hạn hoặc đang còn trong hạn \([\d,]+%\)\.", html);
        Assert.Contains("<meter class=\"meter-766\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\(\d{1,2}\) > \(\d{1,2}\)", html);
        Assert.DoesNotContain("/ 50 điểm", html, StringComparison.Ordinal);
    }
}
