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

namespace MotCua.Tests.Web;

[Collection(DemoCollection.Name)]
public class DossierMoreTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Draft_SavedIncomplete_ThenSubmitted_KeepsItsIdAndFiles(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var file = await UploadAsync(citizen);
        var saved = await citizen.PostAsJsonAsync("/api/dossiers/drafts", new { procedureCode = Procedure, formData = new { enterpriseName = "Bản nháp" }, documents = new[] { new { index = 0, fileId = file } } });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var draftId = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        // Officers never see drafts.
        var reception = await host.ClientAs("reception.demo");
        await Problem.AssertAsync(await reception.GetAsync($"/api/dossiers/{draftId}"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
        var mine = await citizen.GetFromJsonAsync<JsonElement>("/api/dossiers");
        Assert.True(mine.GetProperty("items")[0].GetProperty("isDraft").GetBoolean());

        var full = JsonSerializer.SerializeToElement(await SubmissionAsync(citizen, host));
        var submission = new
        {
            procedureCode = Procedure,
            caseCode = full.GetProperty("caseCode").GetString(),
            formData = full.GetProperty("formData"),
            documents = new[] { new { index = 0, fileId = file } },
            draftId,
        };
        var submitted = await SubmitAsync(citizen, submission, Guid.NewGuid().ToString());
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        Assert.Equal(draftId, (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        var detail = await GetAsync(reception, draftId);
        Assert.Equal(1, detail.GetProperty("status").GetInt32());
        Assert.Equal(1, detail.GetProperty("files").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Consultation_TheConsultedAgencySeesAndAnswers_AndInterAgencyTransferGoesAndComesBack(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var id = (await DossierJourney.ForwardedAsync(host)).Id;
        var reception = await host.ClientAs("reception.demo");
        var handler = await host.ClientAs("handler.demo");
        var tax = await DossierScopeAndInputTests.NewOfficerAsync(host, "SXD", OfficerRole.Handler);
        await Problem.AssertAsync(await tax.GetAsync($"/api/dossiers/{id}"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");

        await OkAsync(handler, id, "consult", new { agencyCode = "SXD", question = "Địa điểm trụ sở có phù hợp quy hoạch không?", workingDays = 2 });
        var consulted = await GetAsync(tax, id);
        Assert.Equal(4, consulted.GetProperty("status").GetInt32());
        long consultationId;
        await using (var scope = host.Scope())
            consultationId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Consultations.Where(c => c.DossierId == id).Select(c => c.Id).SingleAsync();
        await Problem.AssertAsync(await ActAsync(handler, id, "answer-consultation", new { consultationId, answer = "x" }), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        await OkAsync(tax, id, "answer-consultation", new { consultationId, answer = "Phù hợp quy hoạch" });
        await Problem.AssertAsync(await ActAsync(tax, id, "answer-consultation", new { consultationId, answer = "Lần hai" }), HttpStatusCode.Conflict, "urn:motcua:problem:invalid-state");

        var leader = await host.ClientAs("leader.demo");
        await OkAsync(leader, id, "transfer-agency", new { agencyCode = "SXD", note = "Liên thông Sở Xây dựng" });
        Assert.Contains((await tax.GetFromJsonAsync<JsonElement>("/api/dossiers?queue=ToProcess&pageSize=100")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        await OkAsync(tax, id, "transfer-agency", new { agencyCode = "STC", note = "Trả lại Sở Tài chính" });
        Assert.Equal("Sở Tài chính tỉnh Lạng Sơn", (await GetAsync(leader, id)).GetProperty("currentAgency").GetString());
    }

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

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Profile_ContactDetailsChange_IdentityStays_AndNewDossiersUseThem(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, personalId) = await NewCitizenAsync(host);
        await Problem.AssertAsync(await citizen.PutAsJsonAsync("/api/accounts/me", new { phone = "123", email = "khong-hop-le", communeCode = "99999" }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PutAsJsonAsync("/api/accounts/me", new { phone = "0911222333", email = "moi@example.com", communeCode = "05983", address = "Ngõ 5" })).StatusCode);
        var me = await citizen.GetFromJsonAsync<JsonElement>("/api/accounts/me");
        Assert.Equal("0911222333", me.GetProperty("phone").GetString());
        Assert.Equal(personalId, me.GetProperty("personalId").GetString());
        var id = await SubmitNewAsync(host, citizen);
        Assert.Equal("moi@example.com", (await GetAsync(citizen, id)).GetProperty("applicantEmail").GetString());
        await Problem.AssertAsync(await (await host.ClientAs("reception.demo")).GetAsync("/api/accounts/me"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
    }

    [Fact]
    public async Task Outbox_FailedDelivery_IsRetriedWithBackoffAndNeverUndoesTheDossier()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: true, new Dictionary<string, string>
        {
            // A folder where a file cannot be created: every delivery fails.
            ["Notifications:FilePath"] = "/proc/motcua-cannot-write/notifications.jsonl",
        });
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        await using (var scope = host.Scope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messages = await dbc.OutboxMessages.Where(m => m.Type == NotificationOutboxHandler.MessageType).ToListAsync();
            Assert.NotEmpty(messages);
            Assert.All(messages, m => Assert.Equal(1, m.Attempts));
            Assert.All(messages, m => Assert.True(m.AvailableAt > host.Time.Now.UtcDateTime));
            Assert.All(messages, m => Assert.Null(m.ProcessedAt));
        }
        // Not due yet: nothing is tried again until the backoff has passed.
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(1, (await GetAsync(citizen, id)).GetProperty("status").GetInt32());
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        await using (var scope = host.Scope())
            Assert.All(await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.ToListAsync(), m => Assert.Equal(2, m.Attempts));
    }
}
