using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Files;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>Every upload goes through the real ClamAV daemon (INSTREAM) before it can be used.</summary>
public class UploadScanTests(ClamdHosts hosts) : IClassFixture<ClamdHosts>
{
    private static byte[] EicarPdf() => TestPdf.Build($"BT ({Guid.NewGuid()}) Tj ET\n{Clamd.Eicar}");

    private static byte[] CleanPdf() => TestPdf.Build($"BT ({Guid.NewGuid()}) Tj ET");

    [ClamdTheory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EicarInsideAPdf_IsRefusedNeverStoredAndReported(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var content = EicarPdf();

        var refused = await UploadContentTests.PostFileAsync(citizen, content, "to-khai.pdf");

        await Problem.AssertAsync(refused, (HttpStatusCode)422, "urn:motcua:problem:upload-infected");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        await using var scope = host.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await data.DossierFiles.AnyAsync(f => f.Sha256 == sha));
        var root = host.Services.GetRequiredService<FileStoreOptions>().Root;
        Assert.False(File.Exists(Path.Combine(root, sha[..2], sha)));
        var report = await data.AuditEntries.SingleAsync(a => a.Action == "security.upload-infected" && a.EntityId == sha);
        Assert.StartsWith("Eicar", report.Details, StringComparison.Ordinal);

        var clean = await UploadContentTests.PostFileAsync(citizen, CleanPdf(), "to-khai.pdf");
        Assert.True(clean.StatusCode == HttpStatusCode.Created, await clean.Content.ReadAsStringAsync());
        Assert.Equal("Clean", (await clean.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scanState").GetString());
    }

    [ClamdTheory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ClamdDown_FilesAwaitScanCannotBeAttached_RescanMakesCleanOnesUsableAndQuarantinesInfected(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var options = host.Services.GetRequiredService<ClamdOptions>();
        var realPort = options.Port;
        var (citizen, _, _) = await NewCitizenAsync(host);
        var maintenance = host.Services.GetRequiredService<UploadMaintenance>();
        object submission;
        long infected;
        var infectedContent = EicarPdf();
        try
        {
            options.Port = Clamd.ClosedPort();
            submission = await SubmissionAsync(citizen, host);
            infected = await UploadAsync(citizen, infectedContent);

            var refused = await Problem.AssertAsync(await SubmitAsync(citizen, submission, Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
            Assert.Contains("chờ kiểm tra mã độc", refused.GetProperty("errors").ToString(), StringComparison.Ordinal);
            Assert.Equal(0, (await maintenance.RunOnceAsync(default)).Scanned);
        }
        finally
        {
            options.Port = realPort;
        }

        Assert.True((await maintenance.RunOnceAsync(default)).Scanned >= 2);

        var accepted = await SubmitAsync(citizen, submission, Guid.NewGuid().ToString());
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        await using var scope = host.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await data.DossierFiles.AsNoTracking().SingleAsync(f => f.Id == infected);
        Assert.Equal(FileScanState.Infected, row.ScanState);
        Assert.True(await data.AuditEntries.AnyAsync(a => a.Action == "security.upload-infected" && a.EntityType == "DossierFile" && a.EntityId == infected.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var root = host.Services.GetRequiredService<FileStoreOptions>().Root;
        Assert.False(File.Exists(Path.Combine(root, row.Sha256[..2], row.Sha256)));
        Assert.True(File.Exists(Path.Combine(root, "quarantine", row.Sha256)));
        // The quarantined file cannot be attached either.
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var withInfected = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(submission))!;
        withInfected["documents"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["index"] = 0, ["fileId"] = infected });
        var draft = await citizen.PostAsJsonAsync("/api/dossiers/drafts", withInfected);
        var body = await Problem.AssertAsync(draft, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Contains("mã độc", body.GetProperty("errors").ToString(), StringComparison.Ordinal);
        Assert.True(id > 0);
    }

    [ClamdTheory]
    [InlineData("tcp")]
    [InlineData("socket")]
    public async Task ClamdClient_SpeaksInstreamOverTcpAndUnixSocket(string transport)
    {
        var (address, port) = Clamd.Endpoint;
        var options = transport == "tcp" ? new ClamdOptions { Host = address, Port = port } : new ClamdOptions { Socket = Clamd.Socket ?? throw new InvalidOperationException($"{Clamd.SocketVariable} is not set.") };
        var client = new ClamdClient(options, NullLogger<ClamdClient>.Instance);
        // More than one 64 KiB chunk, the signature in the second.
        byte[] large = [.. new byte[100_000], .. Encoding.ASCII.GetBytes(Clamd.Eicar)];

        var infected = await client.ScanAsync(large, default);
        var clean = await client.ScanAsync(CleanPdf(), default);
        var down = await new ClamdClient(new ClamdOptions { Host = "127.0.0.1", Port = Clamd.ClosedPort() }, NullLogger<ClamdClient>.Instance).ScanAsync(CleanPdf(), default);

        Assert.Equal(ScanVerdict.Infected, infected.Verdict);
        Assert.StartsWith("Eicar", infected.Signature, StringComparison.Ordinal);
        Assert.Equal(ScanVerdict.Clean, clean.Verdict);
        Assert.Equal(ScanVerdict.Unavailable, down.Verdict);
    }
}
