using System.Net;
using System.Text.RegularExpressions;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Pages;

/// <summary>The server-rendered portal and office pages, over HTTP, in Vietnamese.</summary>
[Collection(DemoCollection.Name)]
public partial class PagesTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Home_ShowsSearchAndSectors(DatabaseKind db)
    {
        var html = await (await hosts.Get(db)).Client().GetStringAsync("/");
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Tra cứu và thực hiện thủ tục hành chính", html, StringComparison.Ordinal);
        Assert.Contains("Hộ tịch", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/thu-tuc\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ProcedureList_SearchWithoutDiacritics_ListsMatchAndLinksToDetail(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var html = await client.GetStringAsync("/thu-tuc?q=dang+ky+ket+hon");
        Assert.Contains("kết hôn", html, StringComparison.Ordinal);
        var link = DetailLink().Match(html);
        Assert.True(link.Success, "a link to a procedure detail");
        var detail = await client.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var page = await detail.Content.ReadAsStringAsync();
        Assert.Contains("Thành phần hồ sơ", page, StringComparison.Ordinal);
        Assert.Contains("Thời hạn giải quyết", page, StringComparison.Ordinal);
        Assert.Contains("Căn cứ pháp lý", page, StringComparison.Ordinal);
        Assert.Contains("Nộp hồ sơ trực tuyến", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ProcedureList_FilterBySectorAndLevel_ShowsOnlyThose(DatabaseKind db)
    {
        var html = await (await hosts.Get(db)).Client().GetStringAsync("/thu-tuc?level=Commune&onlineLevel=FullyOnline");
        Assert.Contains("Tìm thấy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cấp tỉnh</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadInputAndUnknownPages_ShowVietnameseMessages(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var bad = await client.GetAsync("/thu-tuc?trang=-5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Giá trị phải là số nguyên", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var missing = await client.GetAsync("/thu-tuc/9.999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy trang", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Office_RequiresLogin_AndWrongPasswordIsRefused(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var client = host.Client(followRedirects: false);
        var office = await client.GetAsync("/office/lich-lam-viec");
        Assert.Equal(HttpStatusCode.Redirect, office.StatusCode);
        Assert.StartsWith("/office/dang-nhap", office.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var login = await PostFormAsync(client, "/office/dang-nhap", new() { ["userName"] = "admin.demo", ["password"] = "sai-mat-khau" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Office_AdminAddsMakeUpSaturdayThroughTheCalendarPage(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var client = host.Client(followRedirects: false);
        var login = await PostFormAsync(client, "/office/dang-nhap?returnUrl=%2Foffice%2Flich-lam-viec", new() { ["userName"] = "admin.demo", ["password"] = "MotCua@2026", ["totp"] = await TestTotp.FreshCodeAsync(host, "admin.demo") });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/office/lich-lam-viec", login.Headers.Location!.OriginalString);

        var saved = await PostFormAsync(client, "/office/lich-lam-viec?handler=Set&year=2033", new()
        {
            ["year"] = "2033",
            ["date"] = "2033-01-08",
            ["kind"] = "WorkingDay",
            ["name"] = "Làm bù cho ngày nghỉ Tết",
            ["source"] = "TB thử nghiệm",
        }, pageToRead: "/office/lich-lam-viec?year=2033");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetStringAsync("/office/lich-lam-viec?year=2033");
        Assert.Contains("Làm bù cho ngày nghỉ Tết", page, StringComparison.Ordinal);
        Assert.Contains("Đã lưu điều chỉnh", page, StringComparison.Ordinal);

        var invalid = await PostFormAsync(client, "/office/lich-lam-viec?handler=Set&year=2033", new()
        {
            ["year"] = "2033",
            ["date"] = "2033-02-30",
            ["kind"] = "DayOff",
            ["name"] = "x",
        }, pageToRead: "/office/lich-lam-viec?year=2033");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Vui lòng chọn ngày hợp lệ", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Office_CalendarPage_ForbiddenForHandler(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var client = host.Client(followRedirects: false);
        await PostFormAsync(client, "/office/dang-nhap", new() { ["userName"] = "handler.demo", ["password"] = "MotCua@2026", ["totp"] = await TestTotp.FreshCodeAsync(host, "handler.demo") });
        var response = await client.GetAsync("/office/lich-lam-viec");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/office/khong-co-quyen", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>Posts a form the way a browser does: with the anti-forgery token of the page it came from.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? pageToRead = null)
    {
        var form = await client.GetStringAsync(pageToRead ?? url);
        var token = TokenInput().Match(form);
        Assert.True(token.Success, "the form carries an anti-forgery token");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("href=\"(/thu-tuc/[0-9.]+)\"")]
    private static partial Regex DetailLink();
}
