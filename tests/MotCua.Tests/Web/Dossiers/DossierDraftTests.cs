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

/// <summary>Drafts: a dossier saved incomplete keeps its id and files when submitted.</summary>
[Collection(DemoCollection.Name)]
public class DossierDraftTests(DemoHosts hosts)
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
}
