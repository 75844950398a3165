using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Office;

/// <summary>
/// Officers open every document of a dossier: the procedure's list compared with what was sent,
/// PDF and images previewed inside the page under a framing and sandboxing policy of their own,
/// every view audited, and nobody outside the dossier's officers reaching the preview.
/// </summary>
[Collection(DemoCollection.Name)]
public class OfficeDocumentPreviewTests(DemoHosts hosts)
{
    /// <summary>A 1×1 PNG: signature, IHDR, IDAT, IEND.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /// <summary>A dossier of 2.001610 with the required request form (PDF) and an ID card photo (PNG) as the optional second document.</summary>
    public static async Task<(long Id, long Pdf, long Png)> SubmitWithPhotoAsync(WebHost host, HttpClient citizen)
    {
        var detail = await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{Procedure}");
        var @case = detail.GetProperty("definition").GetProperty("cases")[0];
        var pdf = await UploadAsync(citizen, name: "giay-de-nghi.pdf");
        var png = await UploadAsync(citizen, Png, "cccd.png");
        var response = await SubmitAsync(citizen, new
        {
            procedureCode = Procedure,
            caseCode = @case.GetProperty("code").GetString(),
            formData = FormDataFor(@case),
            documents = new[] { new { index = 0, fileId = pdf }, new { index = 1, fileId = png } },
        }, Guid.NewGuid().ToString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64(), pdf, png);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DossierPage_ComparesDocumentsWithTheProcedure_AndOpensEachInAViewer(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var (id, pdf, png) = await SubmitWithPhotoAsync(host, citizen);
        var reception = await OfficeSignIn.AsAsync(host, "reception.demo");

        var page = WebUtility.HtmlDecode(await reception.GetStringAsync($"/office/ho-so/{id}"));
        Assert.Contains("<h2 id=\"giay-to\">Thành phần hồ sơ</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Đã có 1/1 giấy tờ bắt buộc.", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/office/ho-so/{id}/giay-to/{pdf}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/office/ho-so/{id}/giay-to/{png}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/dossiers/{id}/files/{pdf}\" download", page, StringComparison.Ordinal);
        // The third document (a power of attorney, "if any") was not sent.
        Assert.Matches(@"Văn bản ủy quyền có chứng thực[^<]*<span class=""hint"">Nếu có[^<]*</span>\s*</th>\s*<td>Không nộp</td>", page);

        var pdfViewer = await reception.GetStringAsync($"/office/ho-so/{id}/giay-to/{pdf}");
        Assert.Contains($"<iframe class=\"preview-frame\" src=\"/api/dossiers/{id}/files/{pdf}/preview\"", pdfViewer, StringComparison.Ordinal);
        Assert.Contains($"href=\"/office/ho-so/{id}/giay-to/{png}\" rel=\"next\"", pdfViewer, StringComparison.Ordinal);
        var pngViewer = await reception.GetStringAsync($"/office/ho-so/{id}/giay-to/{png}");
        Assert.Contains($"<img class=\"preview-image\" src=\"/api/dossiers/{id}/files/{png}/preview\"", pngViewer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reception.GetAsync($"/office/ho-so/{id}/giay-to/{pdf + png + 1000}")).StatusCode);

        // A required document without a file is called missing, by name.
        await using (var scope = host.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await data.DossierFiles.SingleAsync(f => f.Id == pdf);
            row.DocumentIndex = null;
            await data.SaveChangesAsync();
        }
        var missing = WebUtility.HtmlDecode(await reception.GetStringAsync($"/office/ho-so/{id}"));
        Assert.Contains("Đã có 0/1 giấy tờ bắt buộc.", missing, StringComparison.Ordinal);
        Assert.Contains("Còn thiếu: Giấy đề nghị đăng ký doanh nghiệp tư nhân.", missing, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Tệp khác</th>", missing, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Preview_IsInlineFramedBySiteOnly_Audited_AndOnlyForTheDossiersOfficers(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var (id, pdf, png) = await SubmitWithPhotoAsync(host, citizen);
        var reception = await OfficeSignIn.AsAsync(host, "reception.demo");
        var receptionId = await UserIdAsync(host, "reception.demo");
        var before = await PreviewAuditsAsync(host, pdf, receptionId);

        var shown = await reception.GetAsync($"/api/dossiers/{id}/files/{pdf}/preview");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("application/pdf", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", shown.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("giay-de-nghi.pdf", shown.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Pdf, await shown.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", shown.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", shown.Headers.GetValues("X-Frame-Options").Single());
        var pdfPolicy = shown.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", pdfPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", pdfPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", pdfPolicy, StringComparison.Ordinal);
        Assert.Equal("no-store", shown.Headers.CacheControl?.ToString());
        Assert.Equal(before + 1, await PreviewAuditsAsync(host, pdf, receptionId));

        var image = await reception.GetAsync($"/api/dossiers/{id}/files/{png}/preview");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        var imagePolicy = image.Headers.GetValues("Content-Security-Policy").Single();
        Assert.EndsWith("; sandbox", imagePolicy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", imagePolicy, StringComparison.Ordinal);

        // Pages themselves are never framed.
        var dossierPage = await reception.GetAsync($"/office/ho-so/{id}");
        Assert.Equal("DENY", dossierPage.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", dossierPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The applicant downloads their own files but has no office preview; other agencies and visitors get nothing.
        await Problem.AssertAsync(await citizen.GetAsync($"/api/dossiers/{id}/files/{pdf}/preview"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        var outsider = await host.ClientAs(await TestAccounts.NewOfficerAsync(host, "SYT", OfficerRole.Reception), TestAccounts.Password);
        await Problem.AssertAsync(await outsider.GetAsync($"/api/dossiers/{id}/files/{pdf}/preview"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync($"/api/dossiers/{id}/files/{pdf}/preview")).StatusCode);
        Assert.Equal(before + 1, await PreviewAuditsAsync(host, pdf, receptionId));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Preview_RefusesAFileWhoseContentIsNotWhatItsTypeSays(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var (id, pdf, _) = await SubmitWithPhotoAsync(host, citizen);
        await using (var scope = host.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await data.DossierFiles.SingleAsync(f => f.Id == pdf)).ContentType = "image/png";
            await data.SaveChangesAsync();
        }
        var reception = await OfficeSignIn.AsAsync(host, "reception.demo");
        await Problem.AssertAsync(await reception.GetAsync($"/api/dossiers/{id}/files/{pdf}/preview"), HttpStatusCode.UnsupportedMediaType, "urn:motcua:problem:file-not-previewable");
    }

    private static async Task<long> UserIdAsync(WebHost host, string userName)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserAccounts.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> PreviewAuditsAsync(WebHost host, long fileId, long userId)
    {
        await using var scope = host.Scope();
        var entity = fileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .CountAsync(a => a.Action == "dossier.file.preview" && a.EntityId == entity && a.UserId == userId);
    }
}
