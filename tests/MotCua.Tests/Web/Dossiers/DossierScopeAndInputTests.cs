using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

[Collection(DemoCollection.Name)]
public class DossierScopeAndInputTests(DemoHosts hosts)
{
    private static readonly string[] Endpoints = ["accept", "forward", "approve", "return", "rate", "withdraw", "supplement", "refuse"];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherUsersDossierId_Is404EverywhereAndNothingLeaks(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (owner, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, owner);
        var (stranger, _, _) = await NewCitizenAsync(host);
        var outsider = await NewOfficerAsync(host, "SYT", OfficerRole.Reception);

        foreach (var client in new[] { stranger, outsider })
        {
            await Problem.AssertAsync(await client.GetAsync($"/api/dossiers/{id}"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
            foreach (var action in Endpoints)
            {
                var response = await ActAsync(client, id, action, new { reason = "x", note = "x", rating = 5 });
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action}: {response.StatusCode}");
                Assert.DoesNotContain("Hoàng Văn Thử", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            var list = await client.GetFromJsonAsync<JsonElement>("/api/dossiers?pageSize=100");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        }
        Assert.Equal(1, (await GetAsync(owner, id)).GetProperty("status").GetInt32());
        await Problem.AssertAsync(await host.Client().GetAsync($"/api/dossiers/{id}"), HttpStatusCode.Unauthorized, "urn:motcua:problem:unauthenticated");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongRole_IsForbidden_AndWrongState_IsConflict(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var handler = await host.ClientAs("handler.demo");
        var reception = await host.ClientAs("reception.demo");
        // The handler's agency is the competent one, so it sees the dossier, but cannot receive it.
        await Problem.AssertAsync(await ActAsync(handler, id, "accept"), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        await Problem.AssertAsync(await ActAsync(citizen, id, "accept"), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        await Problem.AssertAsync(await ActAsync(reception, id, "return", new { method = "AtCounter", receivedBy = "A" }), HttpStatusCode.Conflict, "urn:motcua:problem:invalid-state");
        await Problem.AssertAsync(await ActAsync(reception, id, "refuse", new { reason = "" }), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Equal(1, (await GetAsync(citizen, id)).GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoOfficersAcceptAtOnce_OneWinsTheOtherGets409(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var one = await host.ClientAs("reception.demo");
        var two = await NewOfficerAsync(host, "TTPVHCC", OfficerRole.Reception);
        var results = await Task.WhenAll(ActAsync(one, id, "accept"), ActAsync(two, id, "accept"));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var accepted = await GetAsync(citizen, id);
        Assert.Equal(2, accepted.GetProperty("status").GetInt32());
        Assert.Equal(2, accepted.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadSubmissions_AreRefusedWithFieldErrorsAndStoreNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        // Content that does not match its type: HTML named .pdf.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")), "file", "giay-to.pdf");
            await Problem.AssertAsync(await citizen.PostAsync("/api/files", form), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        }
        // Missing required documents and form fields, an unknown field, no idempotency key, unknown procedure.
        var bad = new { procedureCode = Procedure, caseCode = (string?)null, formData = new { khongCo = "x" }, documents = Array.Empty<object>() };
        var missing = await Problem.AssertAsync(await SubmitAsync(citizen, bad, Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Contains(missing.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("documents[", StringComparison.Ordinal) || e.Name == "caseCode");
        var noKey = await citizen.PostAsJsonAsync("/api/dossiers", await SubmissionAsync(citizen, host));
        await Problem.AssertAsync(noKey, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await SubmitAsync(citizen, new { procedureCode = "9.999999" }, "k1"), HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await Problem.AssertAsync(await citizen.PostAsync("/api/dossiers", new StringContent("{ broken", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "urn:motcua:problem:bad-request");
        Assert.Equal(0, (await citizen.GetFromJsonAsync<JsonElement>("/api/dossiers")).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignUp_ValidatesIdentityNumberAndAddress(DatabaseKind db)
    {
        var client = (await hosts.Get(db)).Client();
        var response = await client.PostAsJsonAsync("/api/accounts", new
        {
            phone = "12345",
            password = "ngan",
            fullName = "",
            personalId = "003190012345",
            birthDate = "1990-01-01",
            provinceCode = "20",
            communeCode = "99999",
        });
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        Assert.Contains("phone", fields);
        Assert.Contains("password", fields);
        Assert.Contains("fullName", fields);
        Assert.Contains("personalId", fields);
        Assert.Contains("communeCode", fields);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CounterIntake_IssuesSequentialCodesAndAnAppointment(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var reception = await NewOfficerAsync(host, "TTPVHCC", OfficerRole.Reception);
        var detail = await reception.GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{Procedure}");
        var @case = detail.GetProperty("definition").GetProperty("cases")[0];
        var formData = FormDataFor(@case);
        async Task<string> Receive()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers/counter")
            {
                Content = JsonContent.Create(new
                {
                    procedureCode = Procedure,
                    caseCode = @case.GetProperty("code").GetString(),
                    channel = "InPerson",
                    formData,
                    applicant = new { type = "Citizen", name = "Lộc Văn Quầy", idNumber = "020188000777", birthDate = "1988-07-07", phone = "0915000777", provinceCode = "20", communeCode = "05983" },
                }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var response = await reception.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, text);
            return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
        }
        var codes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Receive()));
        var numbers = codes.Select(c => int.Parse(c[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(4, codes.Distinct().Count());
        Assert.All(codes, c => Assert.StartsWith("000.00.02.H39-260302-", c, StringComparison.Ordinal));
        Assert.Equal(numbers[0] + 3, numbers[^1]);
    }

    /// <summary>An officer of the given agency with one role, signed in through the API.</summary>
    public static async Task<HttpClient> NewOfficerAsync(WebHost host, string agencyCode, OfficerRole role) =>
        await host.ClientAs(await TestAccounts.NewOfficerAsync(host, agencyCode, role), TestAccounts.Password);
}
