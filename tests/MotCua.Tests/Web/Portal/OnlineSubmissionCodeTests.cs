using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Infrastructure.Outbox;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Portal;

/// <summary>
/// An online dossier gets its code when it is submitted (one sequence per receiving unit and day,
/// Circular 01/2018 art. 19), keeps it at acceptance, can be tracked at once, and the SMS carries it.
/// </summary>
[Collection(DemoCollection.Name)]
public class OnlineSubmissionCodeTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlineSubmission_GetsItsCodeAtOnce_SharedSequenceWithTheCounter_KeptAtAcceptance(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, phone, _) = await NewCitizenAsync(host);
        var response = await SubmitAsync(citizen, await SubmissionAsync(citizen, host), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = receipt.GetProperty("code").GetString()!;
        Assert.Equal(1, receipt.GetProperty("status").GetInt32());
        // The provincial centre's unit code and the Vietnam date of submission (the test clock: Monday 2 March 2026).
        Assert.Matches(@"^000\.00\.02\.H39-260302-\d{4}$", code);

        // A second online dossier the same day at the same unit takes the next number of the same sequence.
        var second = await (await SubmitAsync(citizen, await SubmissionAsync(citizen, host), Guid.NewGuid().ToString())).Content.ReadFromJsonAsync<JsonElement>();
        var secondCode = second.GetProperty("code").GetString()!;
        Assert.Equal(code[..^4], secondCode[..^4]);
        Assert.True(Number(secondCode) > Number(code), $"{code} then {secondCode}");

        // Acceptance keeps the code; the binding appointment is set then.
        var id = receipt.GetProperty("id").GetInt64();
        var accepted = await OkAsync(await host.ClientAs("reception.demo"), id, "accept");
        Assert.Equal(code, accepted.GetProperty("code").GetString());

        // Public tracking works with the code as people type it: lower case, spaces.
        var anonymous = host.Client();
        var typed = code.ToLowerInvariant().Replace("-", " – ", StringComparison.Ordinal);
        var page = await anonymous.GetAsync($"/tra-cuu?ma={Uri.EscapeDataString(" " + typed + " ")}&kiemtra={phone[^4..]}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Được tiếp nhận", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The SMS of the submission carries the code.
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        for (var pass = 0; pass < 200 && await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0; pass++)
        {
        }
        Assert.Contains(host.Notifications(), n => n.Contains("\"Channel\":1", StringComparison.Ordinal)
            && n.Contains($"Hồ sơ {code} đã được gửi", StringComparison.Ordinal) && n.Contains("Hẹn trả kết quả dự kiến", StringComparison.Ordinal));
    }

    private static int Number(string code) => int.Parse(code[(code.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task OnlineAndCounter_SameUnitSameDay_TakeConsecutiveNumbers()
    {
        await using var host = await WebHost.StartAsync(DatabaseKind.Sqlite, demoData: true);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var online = (await (await SubmitAsync(citizen, await SubmissionAsync(citizen, host), "k1")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var officer = await host.ClientAs("reception.demo");
        var submission = JsonSerializer.SerializeToElement(await SubmissionAsync(officer, host));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers/counter")
        {
            Content = JsonContent.Create(new
            {
                procedureCode = Procedure,
                caseCode = submission.GetProperty("caseCode").GetString(),
                applicant = new { type = "Citizen", name = "Lộc Văn Bình", idNumber = "020190123456", birthDate = "1990-05-06", phone = "0912345678" },
                formData = submission.GetProperty("formData"),
                documents = submission.GetProperty("documents"),
            }),
        };
        request.Headers.Add("Idempotency-Key", "counter-1");
        var counterResponse = await officer.SendAsync(request);
        var counterText = await counterResponse.Content.ReadAsStringAsync();
        Assert.True(counterResponse.StatusCode == HttpStatusCode.Created, counterText);
        var counter = JsonDocument.Parse(counterText).RootElement.GetProperty("code").GetString()!;
        Assert.Equal(online[..^4], counter[..^4]);
        Assert.Equal(int.Parse(online[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(counter[^4..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(new Regex(@"-\d{4}$"), counter);
    }
}
