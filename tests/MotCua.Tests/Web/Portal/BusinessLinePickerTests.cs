using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Features.Catalog.Reference;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Portal;

/// <summary>
/// Business lines by name or code from the economic-sector classification: the search behind the
/// picker's suggestions, the lookup page, and the submit form without JavaScript (words understood,
/// ambiguous words answered with candidates to choose, unknown words refused at the field), the API
/// refusing a code that is not a level-4 line, and the stored data keeping the code and official name.
/// </summary>
[Collection(DemoCollection.Name)]
public class BusinessLinePickerTests(DemoHosts hosts)
{
    [Fact]
    public async Task SearchEndpoint_AndLookupPage_FindLinesByWordsOrCode()
    {
        var client = (await hosts.Get(DatabaseKind.Sqlite)).Client();
        var found = await client.GetFromJsonAsync<JsonElement>("/api/catalog/business-lines?q=nha%20hang");
        Assert.Equal("5610", found[0].GetProperty("code").GetString());
        Assert.Equal("Nhà hàng và các dịch vụ ăn uống phục vụ lưu động", found[0].GetProperty("name").GetString());
        Assert.Equal("I", found[0].GetProperty("section").GetString());
        var byCode = await client.GetFromJsonAsync<JsonElement>("/api/catalog/business-lines?q=4711%20%7C%20b%C3%A1n%20l%E1%BA%BB");
        Assert.Equal("4711", Assert.Single(byCode.EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/api/catalog/business-lines?q=ban%20le&limit=3")).GetArrayLength());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/catalog/business-lines?q=")).GetArrayLength());

        var page = await client.GetStringAsync("/nganh-kinh-te?q=cat%20toc");
        Assert.Contains("<strong>9631</strong> – Cắt tóc, làm đầu, gội đầu", page, StringComparison.Ordinal);
        var section = await client.GetStringAsync("/nganh-kinh-te?nhom=I");
        Assert.Contains("<strong>5610</strong>", section, StringComparison.Ordinal);
        Assert.Contains("href=\"?nhom=U\"", await client.GetStringAsync("/nganh-kinh-te"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WithoutJavaScript_AmbiguousWordsOfferCandidates_ThenTheChosenLineIsStoredWithItsOfficialName(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var browser = await SubmitPageTests.SignedInAsync(host);
        var url = $"/nop-ho-so/{Procedure}";
        var form = await browser.GetStringAsync(url);
        Assert.Contains("id=\"f_businessLines\"", form, StringComparison.Ordinal);
        Assert.Contains("href=\"/nganh-kinh-te\"", form, StringComparison.Ordinal);

        // Words that fit several lines, one that fits none, one that fits one: nothing is submitted.
        using var first = Filled(form, await SubmitPageTests.RequiredFieldsAsync(host), ["ban le thuc pham", "lap trinh may vi tinh", "kinh doanh vũ trụ"]);
        var answered = await browser.PostAsync(url, first);
        Assert.Equal(HttpStatusCode.BadRequest, answered.StatusCode);
        var html = await answered.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#f_businessLines\">Ngành, nghề kinh doanh: “ban le thuc pham” khớp với nhiều ngành", html, StringComparison.Ordinal);
        Assert.Matches("id=\"f_businessLines\"[^>]*value=\"ban le thuc pham\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains($"name=\"chonNganh\" value=\"businessLines:0:4722\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"6201 – Lập trình máy vi tính\"", html, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy ngành nào với “kinh doanh vũ trụ”", html, StringComparison.Ordinal);

        // Choosing a candidate brings the form back with that line, still unsubmitted.
        using var pick = Filled(form, await SubmitPageTests.RequiredFieldsAsync(host), ["ban le thuc pham", "6201 – Lập trình máy vi tính", ""]);
        pick.Add(new StringContent("businessLines:0:4722"), "chonNganh");
        var picked = await (await browser.PostAsync(url, pick)).Content.ReadAsStringAsync();
        Assert.Matches("id=\"f_businessLines\"[^>]*value=\"4722 – Bán lẻ thực phẩm trong các cửa hàng chuyên doanh\"", picked);
        Assert.DoesNotContain("error-summary", picked, StringComparison.Ordinal);

        // "Thêm ngành khác" without JavaScript: the form comes back with an empty input after the lines, unsubmitted.
        using var more = Filled(form, await SubmitPageTests.RequiredFieldsAsync(host), ["4722"]);
        more.Add(new StringContent("businessLines"), "themDong");
        var added = await browser.PostAsync(url, more);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var withMore = await added.Content.ReadAsStringAsync();
        Assert.Matches("id=\"f_businessLines_2\"[^>]*value=\"\"", withMore);
        Assert.DoesNotContain("error-summary", withMore, StringComparison.Ordinal);

        // Sent with the chosen line and an old habit ("code | anything"): stored as codes and official names.
        using var send = Filled(form, await SubmitPageTests.RequiredFieldsAsync(host), ["4722 – Bán lẻ thực phẩm trong các cửa hàng chuyên doanh", "6201 | phần mềm"]);
        var pdf = new ByteArrayContent(Pdf);
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        send.Add(pdf, "doc_0", "giay-de-nghi.pdf");
        var posted = await browser.PostAsync(url, send);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var id = posted.Headers.Location!.OriginalString.Split('/')[2];
        var lines = (await browser.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}")).GetProperty("formData").GetProperty("businessLines");
        Assert.Equal(["4722", "6201"], lines.EnumerateArray().Select(l => l.GetProperty("vsicCode").GetString()!).ToArray());
        Assert.Equal(["Bán lẻ thực phẩm trong các cửa hàng chuyên doanh", "Lập trình máy vi tính"], lines.EnumerateArray().Select(l => l.GetProperty("lineName").GetString()!).ToArray());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Api_RefusesACodeThatIsNotALevelFourLine_AndStoresTheCodeWithItsOfficialName(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var submission = JsonSerializer.SerializeToNode(await SubmissionAsync(citizen, host))!;
        submission["formData"]!["businessLines"] = JsonSerializer.SerializeToNode(new[] { new { vsicCode = "4711", lineName = "tạp hóa" }, new { vsicCode = "9999", lineName = "?" } });
        var refused = await SubmitAsync(citizen, submission, Guid.NewGuid().ToString());
        var problem = await Problem.AssertAsync(refused, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        var error = problem.GetProperty("errors").GetProperty("formData.businessLines[1].vsicCode")[0].GetString();
        Assert.Contains("không có mã ngành cấp 4 “9999”", error, StringComparison.Ordinal);

        // The old habit "code | words" and no name at all: the code decides, the name is the official one.
        submission["formData"]!["businessLines"] = JsonSerializer.SerializeToNode(new[] { new { vsicCode = "4711 | tạp hóa" } });
        var accepted = await SubmitAsync(citizen, submission, Guid.NewGuid().ToString());
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var stored = (await GetAsync(citizen, id)).GetProperty("formData").GetProperty("businessLines")[0];
        Assert.Equal("4711", stored.GetProperty("vsicCode").GetString());
        Assert.Equal(VsicList.Vsic2018.Find("4711")!.Name, stored.GetProperty("lineName").GetString());
    }

    private static MultipartFormDataContent Filled(string form, List<(string Name, string Value)> required, string[] lines)
    {
        var content = SubmitPageTests.Base(form);
        foreach (var (name, value) in required.Where(r => r.Name != "f.businessLines"))
            content.Add(new StringContent(value), name);
        foreach (var line in lines)
            content.Add(new StringContent(line), "f.businessLines");
        return content;
    }
}
