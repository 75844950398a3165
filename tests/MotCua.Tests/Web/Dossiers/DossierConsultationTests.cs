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

/// <summary>Consulting another agency and transferring between agencies.</summary>
[Collection(DemoCollection.Name)]
public class DossierConsultationTests(DemoHosts hosts)
{
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
}
