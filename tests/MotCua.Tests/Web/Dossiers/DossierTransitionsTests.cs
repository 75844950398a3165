using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Tests.Documents;
using MotCua.Tests.Infrastructure;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>The transitions and forms not already walked by the lifecycle tests.</summary>
[Collection(DemoCollection.Name)]
public class DossierTransitionsTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Refusal_PrintsForm03(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        await OkAsync(await host.ClientAs("reception.demo"), id, "refuse", new { reason = "Thủ tục không thuộc thẩm quyền tiếp nhận" });
        Assert.Equal(3, (await GetAsync(citizen, id)).GetProperty("status").GetInt32());
        var form = await PdfAsync(citizen, $"/api/dossiers/{id}/forms/03");
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", form, StringComparison.Ordinal);
        Assert.Contains("Thủ tục không thuộc thẩm quyền tiếp nhận", form, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SupplementAtReception_ThenAccepted(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, id, "request-supplement-at-reception", new { items = new[] { "Giấy đề nghị có chữ ký" }, reason = "Giấy đề nghị chưa ký" });
        await Problem.AssertAsync(await ActAsync(reception, id, "accept"), HttpStatusCode.Conflict, "urn:motcua:problem:invalid-state");
        await OkAsync(citizen, id, "supplement", new { note = "Đã ký", documents = new[] { new { index = 0, fileId = await UploadAsync(citizen) } } });
        await OkAsync(reception, id, "accept");
        var d = await GetAsync(citizen, id);
        Assert.Equal(2, d.GetProperty("status").GetInt32());
        Assert.Equal(1, d.GetProperty("supplementCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Payment_SendBack_Recall_ReceiveOnline_Extension_Stop_Withdraw(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var reception = await host.ClientAs("reception.demo");
        var leader = await host.ClientAs("leader.demo");
        var handler = await host.ClientAs("handler.demo");
        var handlerId = await DossierLifecycleTests.UserIdAsync(host, "handler.demo");

        var id = await SubmitNewAsync(host, citizen);
        await OkAsync(reception, id, "accept");
        await OkAsync(reception, id, "forward");
        await OkAsync(leader, id, "assign", new { userId = handlerId });
        await OkAsync(handler, id, "request-payment", new { amountVnd = 100_000 });
        Assert.Equal(6, (await GetAsync(citizen, id)).GetProperty("status").GetInt32());
        await OkAsync(reception, id, "confirm-payment", new { note = "Biên lai 0001234" });
        await OkAsync(handler, id, "transfer");
        var atLeader = (await GetAsync(leader, id)).GetProperty("currentStep").GetInt32();
        await OkAsync(handler, id, "send-back", new { note = "Bổ sung ý kiến thẩm định" });
        Assert.True((await GetAsync(leader, id)).GetProperty("currentStep").GetInt32() < atLeader);
        await OkAsync(leader, id, "approve", new { resultNumber = "7/GCN-STC", signer = "Lương Thị Hoa", resultDate = "2026-03-02" });
        await OkAsync(leader, id, "recall", new { reason = "Sai tên doanh nghiệp" });
        Assert.Equal(4, (await GetAsync(citizen, id)).GetProperty("status").GetInt32());
        await OkAsync(leader, id, "approve", new { resultNumber = "8/GCN-STC", signer = "Lương Thị Hoa", resultDate = "2026-03-02" });
        await OkAsync(citizen, id, "receive-online");
        var returned = await GetAsync(citizen, id);
        Assert.Equal(10, returned.GetProperty("status").GetInt32());
        Assert.Equal("Online", returned.GetProperty("returnMethod").GetString());

        var late = await SubmitNewAsync(host, citizen);
        await OkAsync(reception, late, "accept");
        await OkAsync(reception, late, "forward");
        // Less than one working day before the due moment is too late to ask for an extension.
        host.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(2));
        // Tokens live one hour on the same clock: sign in again at the new time.
        leader = await host.ClientAs("leader.demo");
        await Problem.AssertAsync(await ActAsync(leader, late, "extend", new { newDue = "2026-03-12T17:00:00+07:00", reason = "Chậm" }), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        host.Time.Now = WebHost.DefaultNow;
        leader = await host.ClientAs("leader.demo");
        await OkAsync(leader, late, "extend", new { newDue = "2026-03-12T17:00:00+07:00", reason = "Chờ ý kiến Sở Xây dựng" });
        var apology = await PdfAsync(citizen, $"/api/dossiers/{late}/forms/04");
        Assert.Contains("PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", apology, StringComparison.Ordinal);
        Assert.Contains("Chờ ý kiến Sở Xây dựng", apology, StringComparison.Ordinal);
        await OkAsync(leader, late, "stop", new { reason = "Doanh nghiệp trùng tên" });
        var notice = await PdfAsync(citizen, $"/api/dossiers/{late}/forms/05");
        Assert.Contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", notice, StringComparison.Ordinal);
        Assert.Contains("Doanh nghiệp trùng tên", notice, StringComparison.Ordinal);

        var withdrawn = await SubmitNewAsync(host, citizen);
        await OkAsync(reception, withdrawn, "accept");
        await OkAsync(reception, withdrawn, "withdraw", new { reason = "Công dân có đơn xin rút" });
        Assert.Equal(7, (await GetAsync(citizen, withdrawn)).GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherUsersFormsAndResult_Are404(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        await OkAsync(await host.ClientAs("reception.demo"), id, "accept");
        var (stranger, _, _) = await NewCitizenAsync(host);
        foreach (var url in new[] { $"/api/dossiers/{id}/forms/01", $"/api/dossiers/{id}/forms/06", $"/api/dossiers/{id}/result" })
            await Problem.AssertAsync(await stranger.GetAsync(url), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
    }

    [Fact]
    public async Task OversizeFile_IsRefusedAndNothingIsStored()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: true, new Dictionary<string, string> { ["Files:MaxFileBytes"] = "1024" });
        var (citizen, _, _) = await NewCitizenAsync(host);
        using var form = new MultipartFormDataContent { { new ByteArrayContent([.. Pdf, .. new byte[2048]]), "file", "lon.pdf" } };
        var problem = await Problem.AssertAsync(await citizen.PostAsync("/api/files", form), HttpStatusCode.RequestEntityTooLarge, "urn:motcua:problem:too-large");
        Assert.Contains("vượt quá 1 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return PdfTools.Flatten(PdfTools.Text(await response.Content.ReadAsByteArrayAsync()));
    }
}
