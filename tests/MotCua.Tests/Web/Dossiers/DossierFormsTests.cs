using System.Net;
using MotCua.Tests.Documents;
using MotCua.Tests.Infrastructure;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

[Collection(DemoCollection.Name)]
public class DossierFormsTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Forms_01_02_06_And_Register_RenderTheDossierInVietnamese(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        // No code yet: no receipt.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/dossiers/{id}/forms/01")).StatusCode);
        await OkAsync(reception, id, "accept");
        await OkAsync(reception, id, "forward");
        var handlerId = await DossierLifecycleTests.UserIdAsync(host, "handler.demo");
        await OkAsync(await host.ClientAs("leader.demo"), id, "assign", new { userId = handlerId });
        await OkAsync(await host.ClientAs("handler.demo"), id, "request-supplement", new { items = new[] { "Bản sao Điều lệ có chứng thực" }, reason = "Thiếu giấy tờ" });
        var code = (await GetAsync(citizen, id)).GetProperty("code").GetString()!;

        var receipt = await PdfAsync(citizen, $"/api/dossiers/{id}/forms/01");
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", receipt, StringComparison.Ordinal);
        Assert.Contains(code, receipt, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Thử", receipt, StringComparison.Ordinal);
        Assert.Contains("05/03/2026", receipt, StringComparison.Ordinal); // due Thursday 5 March 2026

        var supplement = await PdfAsync(citizen, $"/api/dossiers/{id}/forms/02");
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", supplement, StringComparison.Ordinal);
        Assert.Contains("Bản sao Điều lệ có chứng thực", supplement, StringComparison.Ordinal);

        var sheet = await PdfAsync(reception, $"/api/dossiers/{id}/forms/06");
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", sheet, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính tỉnh Lạng Sơn", sheet, StringComparison.Ordinal);

        var register = await PdfAsync(reception, "/api/registers/2026");
        Assert.Contains("SỔ THEO DÕI HỒ SƠ NĂM 2026", register, StringComparison.Ordinal);
        // The code may wrap inside its narrow column; compare without the line break.
        Assert.Contains(code, register.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        await Problem.AssertAsync(await citizen.GetAsync($"/api/dossiers/{id}/forms/03"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        await Problem.AssertAsync(await citizen.GetAsync($"/api/dossiers/{id}/forms/99"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        await Problem.AssertAsync(await citizen.GetAsync("/api/registers/2026"), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
    }

    private static async Task<string> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return PdfTools.Flatten(PdfTools.Text(await response.Content.ReadAsByteArrayAsync()));
    }
}
