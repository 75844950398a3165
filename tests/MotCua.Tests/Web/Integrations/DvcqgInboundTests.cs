using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Files;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Integrations;

/// <summary>DVCQG pushes dossiers submitted on the national portal (docs/integrations/dvcqg-inbound.md), over real HTTP.</summary>
public sealed class DvcqgInboundTests(NationHosts hosts) : IClassFixture<NationHosts>
{
    private static int _next = Random.Shared.Next(10_000, 90_000);

    private static string NewNationalCode() => $"G22.99.20-260302-{Interlocked.Increment(ref _next):00000}";

    public static Dictionary<string, object?> Dossier(string nationalCode, params object[] files) => new()
    {
        ["MaHoSo"] = nationalCode,
        ["MaTTHC"] = Procedure,
        ["ChuHoSo"] = "Lường Thị Quốc Gia",
        ["SoGiayToChuHoSo"] = "020190001234",
        ["LoaiDoiTuong"] = "1",
        ["SoDienThoai"] = "0912345678",
        ["Email"] = "quocgia@example.com",
        ["NgayNopHoSo"] = "20260302083000",
        ["TrichYeuHoSo"] = "Đăng ký thành lập doanh nghiệp tư nhân",
        ["TaiLieuNop"] = files,
    };

    private static object Inline(byte[] content, string name = "Don-de-nghi.pdf") => new { TenTepDinhKem = name, IsDeleted = "False", Base64 = Convert.ToBase64String(content) };

    private static object Linked(string url, string name = "Giay-to.pdf") => new { TenTepDinhKem = name, IsDeleted = "False", DuongDanTaiTepTin = url };

    private static async Task<JsonElement> AnswerAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PushedDossierWithInlineFile_WaitsForReception_AndIsAcceptedLikeAnOnlineDossier(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var national = NewNationalCode();
        var pdf = TestPdf.Build($"BT ({national}) Tj ET");

        var answer = await AnswerAsync(await NationHosts.PushAsync(host.Client(), Dossier(national, Inline(pdf))));

        Assert.Equal(0, answer.GetProperty("error_code").GetInt32());
        Assert.StartsWith(national + "|", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        long id;
        await using (var scope = host.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossier = await data.Dossiers.AsNoTracking().SingleAsync(d => d.NationalCode == national);
            id = dossier.Id;
            Assert.Equal(MotCua.Core.Dossiers.DossierStatus.Submitted, dossier.Status);
            Assert.Equal(MotCua.Core.Dossiers.Channel.Online, dossier.Channel);
            Assert.Null(dossier.Code);
            Assert.Equal("Lường Thị Quốc Gia", dossier.ApplicantName);
            Assert.Equal(new DateTime(2026, 3, 2, 1, 30, 0), dossier.SubmittedAt);
            var file = await data.DossierFiles.AsNoTracking().SingleAsync(f => f.DossierId == id);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
            Assert.Equal("application/pdf", file.ContentType);
            Assert.True(await data.AuditEntries.AnyAsync(a => a.Action == "dvcqg.dossier-received" && a.EntityId == national));
        }

        var reception = await host.ClientAs("reception.demo");
        var queue = await reception.GetFromJsonAsync<JsonElement>("/api/dossiers?queue=NewOnline&pageSize=100");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        await OkAsync(reception, id, "accept");
        var accepted = await GetAsync(reception, id);
        Assert.Equal(2, accepted.GetProperty("status").GetInt32());
        Assert.Matches(@"^000\.00\.02\.H39-260302-\d{4}$", accepted.GetProperty("code").GetString());
        await using (var scope = host.Scope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(national, (await data.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id)).NationalCode);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FileGivenByAddress_IsFetchedFromTheFileHost(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var national = NewNationalCode();
        var pdf = TestPdf.Build($"BT ({national}) Tj ET");
        var url = await hosts.PutFileAsync(pdf);

        var answer = await AnswerAsync(await NationHosts.PushAsync(host.Client(), Dossier(national, Linked(url))));

        Assert.Equal(0, answer.GetProperty("error_code").GetInt32());
        Assert.Contains(hosts.Simulator.State.Requests("dvcqg-files"), r => r.Method == "GET" && url.EndsWith(r.Path, StringComparison.Ordinal));
        await using var scope = host.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await data.Dossiers.Where(d => d.NationalCode == national).Select(d => d.Id).SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), await data.DossierFiles.Where(f => f.DossierId == id).Select(f => f.Sha256).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SameNationalCodeTwice_AnswersOne_AndCreatesNothingMore(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var national = NewNationalCode();
        Assert.Equal(0, (await AnswerAsync(await NationHosts.PushAsync(host.Client(), Dossier(national, Inline(TestPdf.Build()))))).GetProperty("error_code").GetInt32());

        var again = await AnswerAsync(await NationHosts.PushAsync(host.Client(), Dossier(national, Inline(TestPdf.Build()))));

        Assert.Equal(1, again.GetProperty("error_code").GetInt32());
        await using var scope = host.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.CountAsync(d => d.NationalCode == national));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MissingOrWrongToken_Is401ProblemDetails_AndCreatesNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var national = NewNationalCode();

        await Problem.AssertAsync(await NationHosts.PushAsync(host.Client(), Dossier(national), token: null), HttpStatusCode.Unauthorized, "urn:motcua:problem:dvcqg-unauthenticated");
        await Problem.AssertAsync(await NationHosts.PushAsync(host.Client(), Dossier(national), token: NationHosts.InboundToken + "x"), HttpStatusCode.Unauthorized, "urn:motcua:problem:dvcqg-unauthenticated");
        // An officer's own session token is not DVCQG's token either.
        var officer = await host.ClientAs("reception.demo");
        await Problem.AssertAsync(await NationHosts.PushAsync(officer, Dossier(national), token: officer.DefaultRequestHeaders.Authorization!.Parameter), HttpStatusCode.Unauthorized, "urn:motcua:problem:dvcqg-unauthenticated");

        await using var scope = host.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AnyAsync(d => d.NationalCode == national));
    }

    [Fact]
    public async Task NoConfiguredToken_EndpointIsOff()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false);
        await Problem.AssertAsync(await NationHosts.PushAsync(host.Client(), Dossier(NewNationalCode()), token: ""), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MalformedJsonOrUnknownProcedureOrBadData_AnswersMinusOneWithAVietnameseReason(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var client = host.Client();

        var malformed = await AnswerAsync(await NationHosts.PushRawAsync(client, "{\"MaHoSo\": \"G22-1\", "));
        Assert.Equal(-1, malformed.GetProperty("error_code").GetInt32());
        Assert.Contains("JSON", malformed.GetProperty("message").GetString(), StringComparison.Ordinal);

        var unknownCode = NewNationalCode();
        var unknown = Dossier(unknownCode, Inline(TestPdf.Build()));
        unknown["MaTTHC"] = "9.999999";
        var refused = await AnswerAsync(await NationHosts.PushAsync(client, unknown));
        Assert.Equal(-1, refused.GetProperty("error_code").GetInt32());
        Assert.Contains("Thủ tục", refused.GetProperty("message").GetString(), StringComparison.Ordinal);

        var badDateCode = NewNationalCode();
        var badDate = Dossier(badDateCode);
        badDate["NgayNopHoSo"] = "02/03/2026";
        var bad = await AnswerAsync(await NationHosts.PushAsync(client, badDate));
        Assert.Equal(-1, bad.GetProperty("error_code").GetInt32());
        Assert.Contains("NgayNopHoSo", bad.GetProperty("message").GetString(), StringComparison.Ordinal);

        await using var scope = host.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await data.Dossiers.AnyAsync(d => d.NationalCode == unknownCode || d.NationalCode == badDateCode));
        Assert.True(await data.AuditEntries.AnyAsync(a => a.Action == "dvcqg.dossier-refused" && a.EntityId == unknownCode));
    }

    public static TheoryData<DatabaseKind, string> HostileCases()
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in Databases.Kinds)
            foreach (var name in new[] { "html", "oversized-inline", "oversized-streamed", "foreign-host", "missing-file" })
                data.Add(kind, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task HostileOrOversizedFile_AnswersMinusOne_AndLeavesNoDossierAndNoFile(DatabaseKind db, string hostile)
    {
        var host = await hosts.Get(db);
        var national = NewNationalCode();
        var good = TestPdf.Build($"BT (good {national}) Tj ET");
        var big = TestPdf.Build($"BT ({national} {new string('x', (int)NationHosts.MaxFileBytes)}) Tj ET");
        object bad = hostile switch
        {
            "html" => Inline(System.Text.Encoding.UTF8.GetBytes($"<html><script>alert('{national}')</script></html>"), "Don.pdf"),
            "oversized-inline" => Inline(big),
            "oversized-streamed" => Linked(await hosts.PutFileAsync(big)),
            "foreign-host" => Linked("http://files.example.invalid/" + national + ".pdf"),
            _ => Linked(hosts.Simulator.Url("dvcqg-files/absent-" + national)),
        };
        if (hostile == "oversized-streamed")
            hosts.Simulator.State.SetFlag("dvcqg-files:chunked", "1");
        JsonElement answer;
        try
        {
            // The good file comes first: it must not be left behind when the second is refused.
            answer = await AnswerAsync(await NationHosts.PushAsync(host.Client(), Dossier(national, Inline(good), bad)));
        }
        finally
        {
            hosts.Simulator.State.SetFlag("dvcqg-files:chunked", null);
        }

        Assert.Equal(-1, answer.GetProperty("error_code").GetInt32());
        Assert.Contains("Tệp", answer.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        await AssertNothingKeptAsync(host, national, good);
    }

    [ClamdTheory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EicarFile_IsRefusedAsMalware_NothingKept_AndReported(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var national = NewNationalCode();
        var good = TestPdf.Build($"BT (good {national}) Tj ET");
        var eicar = TestPdf.Build($"BT ({national}) Tj ET\n{Clamd.Eicar}");

        var answer = await AnswerAsync(await NationHosts.PushAsync(host.Client(), Dossier(national, Inline(good), Linked(await hosts.PutFileAsync(eicar)))));

        Assert.Equal(-1, answer.GetProperty("error_code").GetInt32());
        Assert.Contains("mã độc", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertNothingKeptAsync(host, national, good);
        await using var scope = host.Scope();
        var sha = Convert.ToHexStringLower(SHA256.HashData(eicar));
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AnyAsync(a => a.Action == "security.upload-infected" && a.EntityId == sha));
    }

    private static async Task AssertNothingKeptAsync(WebHost host, string national, byte[] good)
    {
        await using var scope = host.Scope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await data.Dossiers.AnyAsync(d => d.NationalCode == national));
        var sha = Convert.ToHexStringLower(SHA256.HashData(good));
        Assert.False(await data.DossierFiles.AnyAsync(f => f.Sha256 == sha));
        var root = host.Services.GetRequiredService<FileStoreOptions>().Root;
        Assert.False(File.Exists(Path.Combine(root, sha[..2], sha)));
    }
}
