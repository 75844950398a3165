using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Tests.Infrastructure;

namespace MotCua.Tests.Web.Catalog;

/// <summary>The catalogue carries form template files; the procedure page and the submit page offer them for download.</summary>
[Collection(DemoCollection.Name)]
public partial class FormTemplateTests(DemoHosts hosts)
{
    private const string Template = "Mẫu Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP)";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ProcedurePage_OffersTheTemplateFile_AsAnAttachment(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var anonymous = host.Client();
        var page = await anonymous.GetStringAsync("/thu-tuc/1.001193");
        var link = TemplateLink().Match(page);
        Assert.True(link.Success, "no template download link on the procedure page");
        Assert.Equal($"Tải mẫu: {Template}", WebUtility.HtmlDecode(link.Groups[2].Value));
        var file = await anonymous.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await file.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PutTemplate_OnlyCatalogueManagers_ContentJudged_ReplacesTheFile(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var title = "Mẫu thử nghiệm " + Guid.NewGuid().ToString("N")[..8];
        var (citizen, _, _) = await DossierClient.NewCitizenAsync(host);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PutAsync("/api/catalog/templates", Form(title, TestPdf.Build(), "mau.pdf"))).StatusCode);

        var admin = await host.ClientAs("admin.demo");
        var html = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4 <html><script>alert(1)</script></html>");
        await Problem.AssertAsync(await admin.PutAsync("/api/catalog/templates", Form(title, html, "mau.pdf")), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");

        var put = await admin.PutAsync("/api/catalog/templates", Form(title, TestPdf.Build(), "Tờ khai mẫu.pdf"));
        var text = await put.Content.ReadAsStringAsync();
        Assert.True(put.StatusCode == HttpStatusCode.OK, text);
        var item = JsonDocument.Parse(text).RootElement;
        Assert.Equal("to-khai-mau.pdf", item.GetProperty("fileName").GetString());
        var again = await (await admin.PutAsync("/api/catalog/templates", Form(title, TestPdf.Build(), "v2.pdf"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(item.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal("v2.pdf", again.GetProperty("fileName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client().GetAsync("/api/catalog/templates/987654321")).StatusCode);
    }

    private static MultipartFormDataContent Form(string title, byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent(title), "title" }, { file, "file", name } };
    }

    [GeneratedRegex("<a class=\"template-link\" href=\"([^\"]+)\" download>([^<]+)</a>")]
    private static partial Regex TemplateLink();
}
