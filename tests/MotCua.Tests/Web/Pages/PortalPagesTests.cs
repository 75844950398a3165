using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MotCua.Tests.Infrastructure;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Pages;

/// <summary>The citizen's pages over HTTP: sign up, sign in, submit with a file, follow, track.</summary>
[Collection(DemoCollection.Name)]
public partial class PortalPagesTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Citizen_SignsUpSubmitsWithAFileAndSeesTheDossier(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var browser = host.Client(followRedirects: false);
        var phone = "097" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signUp = await PostFormAsync(browser, "/dang-ky", new()
        {
            ["fullName"] = "Vi Thị Thu",
            ["phone"] = phone,
            ["personalId"] = "020197" + phone[^6..],
            ["birthDate"] = "1997-04-09",
            ["communeCode"] = "06112",
            ["address"] = "Thôn Nà Mu",
            ["password"] = "MatKhau2026!",
        });
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        var signIn = await PostFormAsync(browser, "/dang-nhap", new() { ["userName"] = phone, ["password"] = "MatKhau2026!" });
        Assert.Equal("/ho-so-cua-toi", signIn.Headers.Location!.OriginalString);

        // The submit page for the business registration procedure, with its form fields and one upload per document.
        var form = await browser.GetStringAsync($"/nop-ho-so/{Procedure}");
        Assert.Contains("Nộp hồ sơ: Đăng ký thành lập doanh nghiệp tư nhân", form, StringComparison.Ordinal);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token(form)), "__RequestVerificationToken" },
            { new StringContent(Hidden(form, "idempotencyKey")), "idempotencyKey" },
            { new StringContent(Hidden(form, "caseCode")), "caseCode" },
            { new StringContent("TTPVHCC"), "receivingAgency" },
        };
        foreach (var (name, value) in await RequiredFieldsAsync(host))
            content.Add(new StringContent(value), name);
        var pdf = new ByteArrayContent(Pdf);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(pdf, "doc_0", "giay-de-nghi.pdf");
        var posted = await browser.PostAsync($"/nop-ho-so/{Procedure}", content);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var confirmation = await browser.GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("Hồ sơ đã được gửi", confirmation, StringComparison.Ordinal);
        var dossierPage = await browser.GetStringAsync(posted.Headers.Location!.OriginalString.Replace("/da-gui", "", StringComparison.Ordinal));
        Assert.Contains("Mới đăng ký", dossierPage, StringComparison.Ordinal);
        var list = await browser.GetStringAsync("/ho-so-cua-toi");
        Assert.Contains("Đăng ký thành lập doanh nghiệp tư nhân", list, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SubmitPage_WithoutFiles_ShowsVietnameseErrorsAnd400(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var browser = host.Client(followRedirects: false);
        await PostFormAsync(browser, "/dang-nhap", new() { ["userName"] = "citizen.demo", ["password"] = "MotCua@2026" });
        var form = await browser.GetStringAsync($"/nop-ho-so/{Procedure}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token(form)), "__RequestVerificationToken" },
            { new StringContent(Hidden(form, "idempotencyKey")), "idempotencyKey" },
            { new StringContent(Hidden(form, "caseCode")), "caseCode" },
            { new StringContent("TTPVHCC"), "receivingAgency" },
        };
        var posted = await browser.PostAsync($"/nop-ho-so/{Procedure}", content);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("Hồ sơ chưa được gửi", html, StringComparison.Ordinal);
        Assert.Contains("Thiếu thành phần hồ sơ", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TrackingPage_ShowsStatusWithTheRightCheckOnly(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, phone, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        await OkAsync(await host.ClientAs("reception.demo"), id, "accept");
        var code = (await GetAsync(citizen, id)).GetProperty("code").GetString()!;
        var anonymous = host.Client();
        var found = await anonymous.GetStringAsync($"/tra-cuu?ma={code}&kiemtra={phone[^4..]}");
        Assert.Contains("Được tiếp nhận", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàng Văn Thử", found, StringComparison.Ordinal);
        var wrong = await anonymous.GetAsync($"/tra-cuu?ma={code}&kiemtra=9999");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("Không tìm thấy hồ sơ", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_RepeatedGuesses_AreThrottled()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false, new Dictionary<string, string> { ["Tracking:PermitsPerMinute"] = "5" });
        var client = host.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await client.GetAsync($"/api/tracking/000.00.02.H39-260302-0001?check={1000 + i}")).StatusCode);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    private static async Task<List<(string Name, string Value)>> RequiredFieldsAsync(WebHost host)
    {
        var detail = await host.Client().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/catalog/procedures/{Procedure}");
        var @case = detail.GetProperty("definition").GetProperty("cases")[0];
        return @case.GetProperty("formFields").EnumerateArray().Where(f => f.GetProperty("required").GetBoolean()).Select(f =>
        {
            var key = "f." + f.GetProperty("key").GetString();
            return (key, f.GetProperty("type").GetString() switch
            {
                "Number" => "100000000",
                "Date" => "2026-01-15",
                "Choice" => f.GetProperty("options")[0].GetString()!,
                "YesNo" => "true",
                "Rows" => string.Join(" | ", f.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString() == "Number" ? "1" : "4711")),
                _ => "Nội dung",
            });
        }).ToList();
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(await client.GetStringAsync(url));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string Token(string html) => TokenInput().Match(html).Groups[1].Value;

    private static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
