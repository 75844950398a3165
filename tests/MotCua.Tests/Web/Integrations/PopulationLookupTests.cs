using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulator;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Population;

namespace MotCua.Tests.Web.Integrations;

/// <summary>Population-database lookups through the simulated LGSP, over real HTTP (docs/integrations/lgsp-population.md).</summary>
public sealed class PopulationLookupTests(NationHosts hosts) : IClassFixture<NationHosts>
{
    // A citizen of the simulator's population database (sim/MotCua.Simulator/Lgsp/SimulatedCitizens.cs).
    public static readonly object Dan = new { idNumber = "020095000101", fullName = "Nông Văn Dân", birthDate = "1995-02-03" };

    public static async Task<JsonElement> LookupAsync(HttpClient officer, object request)
    {
        var response = await officer.PostAsJsonAsync("/api/integrations/population/lookups", request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<List<PopulationLookup>> LogAsync(WebHost host, long afterId)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PopulationLookups.AsNoTracking().Where(l => l.Id > afterId).OrderBy(l => l.Id).ToListAsync();
    }

    private static async Task<long> LastLogIdAsync(WebHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PopulationLookups.MaxAsync(l => (long?)l.Id) ?? 0;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FoundCitizen_FillsNameBirthDateAndAddress_AndTheLookupIsLoggedWithoutTheIdNumber(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var officer = await host.ClientAs("reception.demo");
        var before = await LastLogIdAsync(host);

        var found = await LookupAsync(officer, Dan);

        Assert.Equal("Found", found.GetProperty("outcome").GetString());
        var citizen = found.GetProperty("citizen");
        Assert.Equal("Nông Văn Dân", citizen.GetProperty("name").GetString());
        Assert.Equal("1995-02-03", citizen.GetProperty("birthDate").GetString());
        Assert.Equal("Số 12 đường Lê Lợi, khối 3", citizen.GetProperty("address").GetString());
        Assert.Equal("06112", citizen.GetProperty("communeCode").GetString());
        Assert.False(string.IsNullOrEmpty(found.GetProperty("proof").GetString()));
        var sent = hosts.Simulator.State.Requests("lgsp").Last(r => r.Path.Contains("dancu", StringComparison.Ordinal));
        Assert.StartsWith("Bearer ", sent.Authorization, StringComparison.Ordinal);
        Assert.Contains("\"SoDinhDanh\":\"020095000101\"", sent.Body, StringComparison.Ordinal);

        var row = Assert.Single(await LogAsync(host, before));
        Assert.Equal(LookupOutcome.Found, row.Outcome);
        Assert.Equal(LookupPurpose.CounterIntake, row.Purpose);
        Assert.NotNull(row.UserId);
        Assert.NotNull(row.AgencyId);
        Assert.Equal(64, row.IdNumberHash.Length);
        Assert.DoesNotContain("020095000101", row.IdNumberHash, StringComparison.Ordinal);

        var report = await (await host.ClientAs("admin.demo")).GetFromJsonAsync<JsonElement>("/api/integrations/population/report?month=2026-03");
        Assert.True(report.GetProperty("lookups").GetInt32() >= 1);
        Assert.Contains(report.GetProperty("units").EnumerateArray(), u => u.GetProperty("found").GetInt32() >= 1 && u.GetProperty("agencyCode").GetString() is not null);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownIdNumberOrWrongName_AnswersNotFoundOrMismatch_InVietnamese_AndFillsNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var officer = await host.ClientAs("reception.demo");
        var before = await LastLogIdAsync(host);

        var unknown = await LookupAsync(officer, new { idNumber = "020095000999", fullName = "Nông Văn Dân", birthDate = "1995-02-03" });
        var wrongName = await LookupAsync(officer, new { idNumber = "020095000101", fullName = "Nông Văn Dần", birthDate = "1995-02-03" });

        Assert.Equal("NotFound", unknown.GetProperty("outcome").GetString());
        Assert.Contains("Không tìm thấy", unknown.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("citizen").ValueKind);
        Assert.Equal("Mismatch", wrongName.GetProperty("outcome").GetString());
        Assert.Contains("không khớp", wrongName.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, wrongName.GetProperty("proof").ValueKind);
        Assert.Equal([LookupOutcome.NotFound, LookupOutcome.Mismatch], (await LogAsync(host, before)).Select(l => l.Outcome));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ExpiredLgspToken_IsRenewedOnce_AndTheLookupSucceeds(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var officer = await host.ClientAs("reception.demo");
        Assert.Equal("Found", (await LookupAsync(officer, Dan)).GetProperty("outcome").GetString());
        int TokenRequests() => hosts.Simulator.State.Requests("lgsp").Count(r => r.Path.StartsWith("/lgsp/token", StringComparison.Ordinal));
        var tokensBefore = TokenRequests();
        // The cached token is reused while it is valid.
        Assert.Equal("Found", (await LookupAsync(officer, Dan)).GetProperty("outcome").GetString());
        Assert.Equal(tokensBefore, TokenRequests());

        using (var http = new HttpClient())
            (await http.PostAsync(hosts.Simulator.Url("_sim/lgsp/expire-tokens"), null)).EnsureSuccessStatusCode();
        var renewed = await LookupAsync(officer, Dan);

        Assert.Equal("Found", renewed.GetProperty("outcome").GetString());
        Assert.Equal(tokensBefore + 1, TokenRequests());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LgspDownOrFailing_AnswersAVietnameseMessage_NeverA500_AndIsLogged(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var officer = await host.ClientAs("reception.demo");
        var before = await LastLogIdAsync(host);
        var answers = new List<JsonElement>();
        foreach (var fault in new[] { FaultMode.Down, FaultMode.ServerError, FaultMode.MalformedJson })
        {
            hosts.Simulator.State.SetFault("lgsp", fault);
            try
            {
                answers.Add(await LookupAsync(officer, Dan));
            }
            finally
            {
                hosts.Simulator.State.SetFault("lgsp", FaultMode.None);
            }
        }

        Assert.All(answers, a =>
        {
            Assert.Equal("Unavailable", a.GetProperty("outcome").GetString());
            Assert.Contains("Chưa kết nối được Cơ sở dữ liệu quốc gia về dân cư", a.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(3, (await LogAsync(host, before)).Count(l => l.Outcome == LookupOutcome.Unavailable));
        Assert.Equal("Found", (await LookupAsync(officer, Dan)).GetProperty("outcome").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CitizensAndAdministrators_CannotLookUpThroughTheApi(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await DossierClient.NewCitizenAsync(host);
        await Problem.AssertAsync(await citizen.PostAsJsonAsync("/api/integrations/population/lookups", Dan), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
        await Problem.AssertAsync(await (await host.ClientAs("admin.demo")).PostAsJsonAsync("/api/integrations/population/lookups", Dan), HttpStatusCode.Forbidden, "urn:motcua:problem:forbidden");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CounterIntakeFilledFromTheDatabase_IsMarkedVerified_OnlyWithTheSameValues(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var reception = await host.ClientAs("reception.demo");
        var proof = (await LookupAsync(reception, Dan)).GetProperty("proof").GetString();
        var detail = await reception.GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{DossierClient.Procedure}");
        var @case = detail.GetProperty("definition").GetProperty("cases")[0];
        async Task<bool> ReceiveAsync(string name, string? populationProof)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers/counter")
            {
                Content = JsonContent.Create(new
                {
                    procedureCode = DossierClient.Procedure,
                    caseCode = @case.GetProperty("code").GetString(),
                    channel = "InPerson",
                    formData = DossierClient.FormDataFor(@case),
                    applicant = new { type = "Citizen", name, idNumber = "020095000101", birthDate = "1995-02-03", phone = "0915000101", provinceCode = "20", communeCode = "06112", address = "Số 12 đường Lê Lợi, khối 3" },
                    populationProof,
                }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var response = await reception.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            await using var scope = host.Scope();
            return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Id == id)).PopulationVerified;
        }

        Assert.True(await ReceiveAsync("Nông Văn Dân", proof));
        Assert.False(await ReceiveAsync("Nông Văn Dũng", proof));
        Assert.False(await ReceiveAsync("Nông Văn Dân", null));
        Assert.False(await ReceiveAsync("Nông Văn Dân", proof + "x"));
    }
}
