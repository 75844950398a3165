using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Outbox;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>Files of a dossier are served only when they match their hash.</summary>
[Collection(DemoCollection.Name)]
public class DossierFileTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FileDownload_IsCheckedAgainstItsHash(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var file = (await GetAsync(citizen, id)).GetProperty("files")[0];
        var url = $"/api/dossiers/{id}/files/{file.GetProperty("id").GetInt64()}";
        var ok = await citizen.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("attachment", ok.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf, await ok.Content.ReadAsByteArrayAsync());
        var (stranger, _, _) = await NewCitizenAsync(host);
        await Problem.AssertAsync(await stranger.GetAsync(url), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");

        // Corrupt the stored bytes of a file only this test uses: the read refuses to serve them.
        var unique = await UploadAsync(citizen, [.. Pdf, .. System.Text.Encoding.ASCII.GetBytes(Guid.NewGuid().ToString())]);
        var second = await SubmitAsync(citizen, JsonSerializer.SerializeToElement(await SubmissionAsync(citizen, host)), Guid.NewGuid().ToString());
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await using (var scope = host.Scope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await dbc.DossierFiles.SingleAsync(f => f.Id == unique);
            row.DossierId = secondId;
            await dbc.SaveChangesAsync();
            var root = scope.ServiceProvider.GetRequiredService<FileStoreOptions>().Root;
            await File.WriteAllTextAsync(Path.Combine(root, row.Sha256[..2], row.Sha256), "tampered");
        }
        await Problem.AssertAsync(await citizen.GetAsync($"/api/dossiers/{secondId}/files/{unique}"), HttpStatusCode.InternalServerError, "urn:motcua:problem:file-corrupted");
    }
}
