using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Features.Dossiers;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Portal;

/// <summary>
/// The submit page as a citizen uses it without JavaScript: files survive a validation error and can
/// be removed; the error summary links to each field; each field carries its message and aria-invalid;
/// dates as day, month and year; the confirmation panel shows the code; the receiving office defaults
/// to the applicant's commune.
/// </summary>
[Collection(DemoCollection.Name)]
public partial class SubmitPageTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ValidationError_KeepsTheFile_SummaryLinksToFields_ThenSubmitsWithTheKeptFile(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var browser = await SignedInAsync(host);
        var form = await browser.GetStringAsync($"/nop-ho-so/{Procedure}");
        Assert.Contains("Chưa có tệp đính kèm", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã đính kèm", form, StringComparison.Ordinal);

        // First post: the file, but the required fields left empty.
        using var first = Base(form);
        var pdf = new ByteArrayContent(Pdf);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        first.Add(pdf, "doc_0", "giay-de-nghi.pdf");
        var failed = await browser.PostAsync($"/nop-ho-so/{Procedure}", first);
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        var html = await failed.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Matches("<div class=\"error-summary\"[^>]*autofocus", html);
        Assert.Contains("<a href=\"#f_enterpriseName\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f_enterpriseName-error\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"f_enterpriseName\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("giay-de-nghi.pdf", html, StringComparison.Ordinal);
        Assert.Contains("Gỡ tệp", html, StringComparison.Ordinal);
        var kept = Regex.Match(html, "name=\"kept_0\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEqual("", kept);
        Assert.StartsWith("Lỗi: ", Regex.Match(html, "<title>([^<]*)</title>").Groups[1].Value, StringComparison.Ordinal);

        // Second post: the fields filled, the file only as the kept id; the dossier is submitted with it.
        using var second = Base(form);
        second.Add(new StringContent(kept), "kept_0");
        foreach (var (name, value) in await RequiredFieldsAsync(host))
            second.Add(new StringContent(value), name);
        var posted = await browser.PostAsync($"/nop-ho-so/{Procedure}", second);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var confirmation = posted.Headers.Location!.OriginalString;
        Assert.Matches(@"^/ho-so-cua-toi/\d+/da-gui$", confirmation);
        var panel = await browser.GetStringAsync(confirmation);
        var code = Regex.Match(panel, "<strong id=\"ma-ho-so\">([^<]+)</strong>").Groups[1].Value;
        Assert.Matches(@"^000\.00\.02\.H39-\d{6}-\d{4}$", code);
        Assert.Contains("Việc tiếp theo", panel, StringComparison.Ordinal);
        Assert.Contains("Hẹn trả kết quả (dự kiến)", panel, StringComparison.Ordinal);
        var id = long.Parse(confirmation.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var detail = await browser.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}");
        Assert.Equal("giay-de-nghi.pdf", detail.GetProperty("files")[0].GetProperty("fileName").GetString());

        // Another account cannot open that confirmation.
        var (stranger, _, _) = await NewCitizenAsync(host);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(confirmation)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RemoveButton_DropsTheFile_AndMissingDocumentsAreNamed(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var browser = await SignedInAsync(host);
        var form = await browser.GetStringAsync($"/nop-ho-so/{Procedure}");
        using var content = Base(form);
        var pdf = new ByteArrayContent(Pdf);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(pdf, "doc_0", "se-go.pdf");
        var withFile = await (await browser.PostAsync($"/nop-ho-so/{Procedure}", content)).Content.ReadAsStringAsync();
        var kept = Regex.Match(withFile, "name=\"kept_0\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEqual("", kept);

        // "Gỡ tệp": the form comes back without the file, and nothing is submitted.
        using var removal = Base(form);
        removal.Add(new StringContent(kept), "kept_0");
        removal.Add(new StringContent("0"), "remove");
        var removed = await browser.PostAsync($"/nop-ho-so/{Procedure}", removal);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var html = await removed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"kept_0\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("se-go.pdf", html, StringComparison.Ordinal);

        using var again = Base(form);
        foreach (var (name, value) in await RequiredFieldsAsync(host))
            again.Add(new StringContent(value), name);
        var missing = await browser.PostAsync($"/nop-ho-so/{Procedure}", again);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var text = await missing.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#doc_0\">Thiếu thành phần hồ sơ:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15", "01", "2026", "2026-01-15")]
    [InlineData("5", "3", "2026", "2026-03-05")]
    [InlineData("05", "tháng 3", "26", "2026-03-05")]
    [InlineData("5", "T3", "1998", "1998-03-05")]
    [InlineData("12", "4", "98", "1998-04-12")]
    [InlineData("05/03/2026", "", "", "2026-03-05")]
    [InlineData("5-3-2026", "", "", "2026-03-05")]
    [InlineData("5.3.2026", "", "", "2026-03-05")]
    [InlineData("2026-03-05", "", "", "2026-03-05")]
    public void DateFields_AcceptVietnameseHabits(string day, string month, string year, string expected)
    {
        var (outcome, date) = DateFieldInput.Parse(day, month, year, 2026);
        Assert.Equal(DateFieldInput.Outcome.Valid, outcome);
        Assert.Equal(expected, date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("31", "2", "2026", DateFieldInput.Outcome.NotReal)]
    [InlineData("15", "13", "2026", DateFieldInput.Outcome.NotReal)]
    [InlineData("15", "", "2026", DateFieldInput.Outcome.Incomplete)]
    [InlineData("", "", "", DateFieldInput.Outcome.Empty)]
    public void DateFields_NameWhatIsWrong(string day, string month, string year, DateFieldInput.Outcome expected) =>
        Assert.Equal(expected, DateFieldInput.Parse(day, month, year, 2026).Outcome);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReceivingOffice_DefaultsToTheApplicantsOwnCommune(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        // citizen.demo lives in phường Đông Kinh; "Đăng ký thành lập hộ kinh doanh" is received at the commune centres.
        var browser = await SignedInAsync(host);
        var html = await browser.GetStringAsync("/nop-ho-so/1.001612");
        var selected = Regex.Match(html, "<select id=\"receivingAgency\"[\\s\\S]*?</select>").Value;
        Assert.Matches("<option[^>]*selected=\"selected\"[^>]*>[^<]*Đông Kinh", selected);
        Assert.Contains("Đã chọn sẵn nơi bạn cư trú", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReturnAddress_SurvivesSignUpAndSignIn_OnlyLocalPaths(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var browser = host.Client(followRedirects: false);
        var back = $"/nop-ho-so/{Procedure}";
        var signIn = await browser.GetStringAsync("/dang-nhap?returnUrl=" + Uri.EscapeDataString(back));
        var signUpLink = "/dang-ky?returnUrl=" + Uri.EscapeDataString(back);
        Assert.Contains($"href=\"{signUpLink}\"", signIn, StringComparison.Ordinal);
        var signUpForm = await browser.GetStringAsync(signUpLink);
        Assert.Contains($"name=\"returnUrl\" value=\"{back}\"", signUpForm, StringComparison.Ordinal);
        var phone = "096" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signedUp = await browser.PostAsync("/dang-ky", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(signUpForm),
            ["returnUrl"] = back,
            ["fullName"] = "Hà Thị Lụa",
            ["phone"] = phone,
            ["personalId"] = "020196" + phone[^6..],
            ["birthDate"] = "1996-04-09",
            ["communeCode"] = "05977",
            ["password"] = "MatKhau2026!",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal("/dang-nhap?returnUrl=" + Uri.EscapeDataString(back), signedUp.Headers.Location!.OriginalString);
        var form = await browser.GetStringAsync(signedUp.Headers.Location!.OriginalString);
        var signedIn = await browser.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["returnUrl"] = back,
            ["userName"] = phone,
            ["password"] = "MatKhau2026!",
        }));
        Assert.Equal(back, signedIn.Headers.Location!.OriginalString);

        // Another site is never a return address.
        foreach (var evil in new[] { "//evil.example/x", "/\\evil.example", "https://evil.example/" })
        {
            var other = host.Client(followRedirects: false);
            var page = await other.GetStringAsync("/dang-nhap");
            var response = await other.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Token(page),
                ["returnUrl"] = evil,
                ["userName"] = phone,
                ["password"] = "MatKhau2026!",
            }));
            Assert.Equal("/ho-so-cua-toi", response.Headers.Location!.OriginalString);
        }
    }

    internal static async Task<HttpClient> SignedInAsync(WebHost host)
    {
        var browser = host.Client(followRedirects: false);
        var signIn = await browser.GetStringAsync("/dang-nhap");
        var response = await browser.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(signIn),
            ["userName"] = "citizen.demo",
            ["password"] = "MotCua@2026",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    internal static MultipartFormDataContent Base(string form) => new()
    {
        { new StringContent(Token(form)), "__RequestVerificationToken" },
        { new StringContent(Hidden(form, "idempotencyKey")), "idempotencyKey" },
        { new StringContent(Hidden(form, "caseCode")), "caseCode" },
        { new StringContent("1"), "keptListed" },
        { new StringContent("TTPVHCC"), "receivingAgency" },
    };

    internal static async Task<List<(string Name, string Value)>> RequiredFieldsAsync(WebHost host)
    {
        var detail = await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{Procedure}");
        var @case = detail.GetProperty("definition").GetProperty("cases")[0];
        var fields = new List<(string, string)>();
        foreach (var f in @case.GetProperty("formFields").EnumerateArray().Where(f => f.GetProperty("required").GetBoolean()))
        {
            var key = "f." + f.GetProperty("key").GetString();
            switch (f.GetProperty("type").GetString())
            {
                case "Date":
                    fields.AddRange([(key + ".ngay", "15"), (key + ".thang", "1"), (key + ".nam", "2026")]);
                    break;
                case "Rows":
                    fields.Add((key, string.Join(" | ", f.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString() == "Number" ? "1" : "4711"))));
                    break;
                default:
                    fields.Add((key, f.GetProperty("type").GetString() switch
                    {
                        "Number" => "100000000",
                        "Choice" => f.GetProperty("options")[0].GetString()!,
                        "YesNo" => "true",
                        _ => "Nội dung",
                    }));
                    break;
            }
        }
        return fields;
    }

    private static string Token(string html) => TokenInput().Match(html).Groups[1].Value;

    private static string Hidden(string html, string name) => Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
