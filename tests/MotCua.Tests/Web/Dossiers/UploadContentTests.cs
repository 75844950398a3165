using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>Uploads judged by their whole content, names cleaned, limits that answer 4xx, quota and orphans.</summary>
[Collection(DemoCollection.Name)]
public class UploadContentTests(DemoHosts hosts)
{
    public static TheoryData<string, string> Refused => new()
    {
        { "html after %PDF-", "active-content" },
        { "exe after %PDF-", "pdf-unreadable" },
        { "pdf that does not parse", "pdf-unreadable" },
        { "pdf with javascript", "pdf-active-content" },
        { "docx inflating to 200 MB", "package-too-large-inflated" },
        { "docx with 20,002 entries", "package-too-many-entries" },
        { "docx with vbaProject.bin", "package-macros" },
        { "docx with a macro-enabled content type", "package-macros" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task HostileContent_IsRefusedStoredNowhereAndReported(string sample, string code)
    {
        var host = await hosts.Get(DatabaseKind.Sqlite);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var content = Sample(sample);

        var body = await Problem.AssertAsync(await PostFileAsync(citizen, content, "giay-to.pdf"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");

        Assert.Contains("file", body.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        Assert.False(await db.DossierFiles.AnyAsync(f => f.Sha256 == sha));
        var report = await db.AuditEntries.SingleAsync(a => a.Action == "security.upload-rejected" && a.EntityId == sha);
        Assert.Equal(code, report.Details);
    }

    [Fact]
    public async Task WellFormedDocuments_AreAcceptedAsNotScannedWithoutClamd()
    {
        var host = await hosts.Get(DatabaseKind.Sqlite);
        var (citizen, _, _) = await NewCitizenAsync(host);
        foreach (var (content, name) in new[] { (Pdf, "a.pdf"), (Docx(("word/document.xml", 10)), "b.docx") })
        {
            var response = await PostFileAsync(citizen, content, name);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            Assert.Equal("NotScanned", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scanState").GetString());
        }
    }

    [Fact]
    public async Task FileNames_LoseControlAndBidiCharactersAndTheirExtension()
    {
        var host = await hosts.Get(DatabaseKind.Sqlite);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var response = await PostFileAsync(citizen, Pdf, "hoa-don\u202Efdp.exe\u0007\u200F\u2066x");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal("hoa-donfdp.pdf", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task RawCrLfInTheMultipartFileName_IsNeverA500()
    {
        var host = await hosts.Get(DatabaseKind.Sqlite);
        var (citizen, _, _) = await NewCitizenAsync(host);
        const string boundary = "motcua-boundary";
        var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"to\r\nkhai.pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
        byte[] body = [.. Encoding.ASCII.GetBytes(head), .. Pdf, .. Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        var response = await citizen.PostAsync("/api/files", content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        if (response.StatusCode == HttpStatusCode.Created)
            Assert.DoesNotContain('\n', JsonDocument.Parse(text).RootElement.GetProperty("fileName").GetString()!);
        else
            Assert.StartsWith("urn:motcua:problem:", JsonDocument.Parse(text).RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A25MiBUpload_Is413()
    {
        var host = await hosts.Get(DatabaseKind.Sqlite);
        var (citizen, _, _) = await NewCitizenAsync(host);
        byte[] big = [.. Pdf, .. new byte[25 * 1024 * 1024]];
        await Problem.AssertAsync(await PostFileAsync(citizen, big, "lon.pdf"), HttpStatusCode.RequestEntityTooLarge, "urn:motcua:problem:too-large");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnattachedUploads_AreLimitedPerAccount(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        for (var i = 0; i < 50; i++)
            await UploadAsync(citizen, [.. Pdf, .. Encoding.ASCII.GetBytes($"%{i}")]);

        await Problem.AssertAsync(await PostFileAsync(citizen, Pdf, "51.pdf"), HttpStatusCode.Conflict, "urn:motcua:problem:upload-quota-exceeded");

        // Files in use by a dossier do not count: another account is not affected either.
        var (other, _, _) = await NewCitizenAsync(host);
        await UploadAsync(other);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OrphanUploads_AreRemovedAfterADayWithTheirContent(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var dossier = await SubmitNewAsync(host, citizen);
        var orphanBytes = (byte[])[.. Pdf, .. Encoding.ASCII.GetBytes("%orphan " + Guid.NewGuid())];
        var orphan = await UploadAsync(citizen, orphanBytes);
        var maintenance = host.Services.GetRequiredService<UploadMaintenance>();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(orphanBytes));
        var root = host.Services.GetRequiredService<MotCua.Web.Infrastructure.Files.FileStoreOptions>().Root;
        Assert.True(File.Exists(Path.Combine(root, sha[..2], sha)));
        var start = host.Time.Now;
        int removed;
        try
        {
            host.Time.Advance(TimeSpan.FromHours(23));
            await maintenance.RunOnceAsync(default);
            Assert.True(await FileExistsAsync(host, orphan));

            host.Time.Advance(TimeSpan.FromHours(2));
            (_, removed) = await maintenance.RunOnceAsync(default);
        }
        finally
        {
            host.Time.Now = start;
        }

        Assert.True(removed >= 1);
        Assert.False(await FileExistsAsync(host, orphan));
        Assert.False(File.Exists(Path.Combine(root, sha[..2], sha)));
        // The submitted dossier keeps its files.
        var files = (await GetAsync(citizen, dossier)).GetProperty("files");
        Assert.NotEqual(0, files.GetArrayLength());
        var download = await citizen.GetAsync($"/api/dossiers/{dossier}/files/{files[0].GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    private static async Task<bool> FileExistsAsync(WebHost host, long id)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DossierFiles.AnyAsync(f => f.Id == id);
    }

    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/files", form);
    }

    private static byte[] Sample(string name) => name switch
    {
        "html after %PDF-" => Encoding.ASCII.GetBytes("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>"),
        "exe after %PDF-" => [.. "%PDF-1.4\n"u8, .. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[64], .. "This program cannot be run in DOS mode."u8],
        "pdf that does not parse" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        "pdf with javascript" => TestPdf.Build(catalog: "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"),
        "docx inflating to 200 MB" => Docx(("word/document.xml", 200L * 1024 * 1024)),
        "docx with 20,002 entries" => Docx([.. Enumerable.Range(0, 20_000).Select(i => ($"word/media/p{i}.bin", 0L)), ("word/document.xml", 10L)]),
        "docx with vbaProject.bin" => Docx(("word/document.xml", 10), ("word/vbaProject.bin", 10)),
        "docx with a macro-enabled content type" => Docx("application/vnd.ms-word.document.macroEnabled.main+xml", ("word/document.xml", 10)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Docx(params (string Name, long Zeros)[] entries) =>
        Docx("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", entries);

    /// <summary>A DOCX whose parts are runs of zeros, compressed: 200 MB of zeros is about 200 KB.</summary>
    private static byte[] Docx(string mainType, params (string Name, long Zeros)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write($"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"{mainType}\"/></Types>");
            var zeros = new byte[1024 * 1024];
            foreach (var (name, size) in entries)
            {
                using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                for (var left = size; left > 0; left -= zeros.Length)
                    part.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }
        }
        return buffer.ToArray();
    }
}
