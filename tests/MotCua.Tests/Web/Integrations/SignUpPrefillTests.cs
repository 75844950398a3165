using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Population;

namespace MotCua.Tests.Web.Integrations;

/// <summary>A citizen signing up fills the form from the population database (docs/integrations/lgsp-population.md#prefill).</summary>
public sealed class SignUpPrefillTests(NationHosts hosts) : IClassFixture<NationHosts>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignUpLookup_FillsOnlyWhenAllMatch_AndIsLogged(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var client = host.Client(followRedirects: false);
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, db == DatabaseKind.Sqlite ? "203.0.113.71" : "203.0.113.72");
        var token = await CookieSession.TokenAsync(client, "/dang-ky");
        long before;
        await using (var scope = host.Scope())
            before = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PopulationLookups.MaxAsync(l => (long?)l.Id) ?? 0;
        Task<HttpResponseMessage> LookupAsync(string name) => client.PostAsync("/dang-ky?handler=Lookup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fullName"] = name,
            ["personalId"] = "020095000101",
            ["birthDate"] = "1995-02-03",
            ["phone"] = "0915000199",
            ["password"] = "MatKhau-Bi-Mat-2026",
            ["__RequestVerificationToken"] = token,
        }));

        var found = await LookupAsync("Nông Văn Dân");
        var page = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("Đã lấy thông tin từ Cơ sở dữ liệu quốc gia về dân cư", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Số 12 đường Lê Lợi, khối 3\"", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Matches("<option value=\"06112\" selected=\"selected\">", page);
        Assert.DoesNotContain("MatKhau-Bi-Mat-2026", page, StringComparison.Ordinal);

        var wrong = await LookupAsync("Nông Văn Dũng");
        var wrongPage = System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("không khớp", wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Số 12 đường Lê Lợi", wrongPage, StringComparison.Ordinal);

        await using (var scope = host.Scope())
        {
            var log = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PopulationLookups.AsNoTracking().Where(l => l.Id > before).ToListAsync();
            Assert.Equal([LookupOutcome.Found, LookupOutcome.Mismatch], log.OrderBy(l => l.Id).Select(l => l.Outcome));
            Assert.All(log, l => Assert.Equal(LookupPurpose.SignUp, l.Purpose));
            Assert.All(log, l => Assert.Null(l.UserId));
        }
    }

    [Fact]
    public async Task SignUpLookups_ShareThePagesPerClientLimit_SoTheDatabaseCannotBeWalked()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: false, new Dictionary<string, string> { ["SignInProtection:SignUpPerClientPerHour"] = "3" });
        var client = host.Client(followRedirects: false);
        var token = await CookieSession.TokenAsync(client, "/dang-ky");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsync("/dang-ky?handler=Lookup", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["fullName"] = "Nông Văn Dân",
                ["personalId"] = "020095000" + (101 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["birthDate"] = "1995-02-03",
                ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Contains("thử quá nhiều lần", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }
}
