using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Infrastructure.Outbox;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

[Collection(DemoCollection.Name)]
public class DossierLifecycleTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlineDossier_GoesFromSubmissionToRatedResult(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, personalId) = await NewCitizenAsync(host);
        var submission = await SubmissionAsync(citizen, host);
        var key = Guid.NewGuid().ToString();
        var first = await SubmitAsync(citizen, submission, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = await first.Content.ReadFromJsonAsync<JsonElement>();
        var id = receipt.GetProperty("id").GetInt64();
        Assert.Equal(1, receipt.GetProperty("status").GetInt32());

        // A retried submit with the same key returns the same receipt and creates nothing.
        var retry = await SubmitAsync(citizen, submission, key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(id, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        Assert.Equal(1, (await citizen.GetFromJsonAsync<JsonElement>("/api/dossiers")).GetProperty("total").GetInt32());

        var reception = await host.ClientAs("reception.demo");
        var queue = await reception.GetFromJsonAsync<JsonElement>("/api/dossiers?queue=NewOnline&pageSize=100");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);

        await OkAsync(reception, id, "accept");
        var accepted = await GetAsync(reception, id);
        var code = accepted.GetProperty("code").GetString()!;
        Assert.Matches(@"^000\.00\.02\.H39-260302-\d{4}$", code);
        // Accepted Monday 2 March 2026 10:00, 3 working days → Thursday 5 March 10:00 (+07:00).
        Assert.Equal(new DateTime(2026, 3, 5, 3, 0, 0, DateTimeKind.Utc), accepted.GetProperty("dueAt").GetDateTime());

        await OkAsync(reception, id, "forward", new { note = "Chuyển Sở Tài chính" });
        var leader = await host.ClientAs("leader.demo");
        var handlerId = await UserIdAsync(host, "handler.demo");
        await OkAsync(leader, id, "assign", new { userId = handlerId });
        var handler = await host.ClientAs("handler.demo");
        Assert.Contains((await handler.GetFromJsonAsync<JsonElement>("/api/dossiers?queue=Mine")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        await OkAsync(handler, id, "transfer", new { note = "Trình lãnh đạo" });
        await OkAsync(leader, id, "approve", new { resultNumber = "125/GCN-STC", signer = "Lương Thị Hoa", resultDate = "2026-03-03", summary = "Cấp Giấy chứng nhận đăng ký doanh nghiệp" });
        await OkAsync(reception, id, "return", new { method = "AtCounter", receivedBy = "Hoàng Văn Thử" });
        await OkAsync(citizen, id, "rate", new { rating = 5, comment = "Nhanh, chu đáo" });
        var result = await citizen.GetAsync($"/api/dossiers/{id}/result");
        Assert.Equal("application/pdf", result.Content.Headers.ContentType?.MediaType);
        var letter = MotCua.Tests.Documents.PdfTools.Flatten(MotCua.Tests.Documents.PdfTools.Text(await result.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Số: 125/GCN-STC", letter, StringComparison.Ordinal);
        Assert.Contains("Cấp Giấy chứng nhận đăng ký doanh nghiệp", letter, StringComparison.Ordinal);

        var done = await GetAsync(citizen, id);
        Assert.Equal(10, done.GetProperty("status").GetInt32());
        Assert.Equal(5, done.GetProperty("rating").GetInt32());
        var actions = done.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToArray();
        Assert.Equal(7, actions.Length); // submitted, accepted, forwarded, assigned, transferred, approved, returned (rating is not a transition)
        Assert.Equal([2, 4, 4, 4, 9, 10], done.GetProperty("history").EnumerateArray().Skip(1).Select(h => h.GetProperty("toStatus").GetInt32()).ToArray());

        // Public tracking: code + last 4 digits of the ID number; no personal data in the answer.
        var anonymous = host.Client();
        var tracked = await anonymous.GetAsync($"/api/tracking/{code}?check={personalId[^4..]}");
        var trackedText = await tracked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Contains("\"status\":10", trackedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàng Văn Thử", trackedText, StringComparison.Ordinal);
        await Problem.AssertAsync(await anonymous.GetAsync($"/api/tracking/{code}?check=0000"), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");

        // Notifications go out only through the outbox, after commit.
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        // Other tests on this shared host queue messages too: drain in batches (bounded).
        var delivered = 0;
        for (var pass = 0; pass < 200; pass++)
        {
            var n = await dispatcher.DispatchOnceAsync(CancellationToken.None);
            delivered += n;
            if (n == 0)
                break;
        }
        Assert.True(delivered > 0);
        Assert.Contains(host.Notifications(), n => n.Contains(code, StringComparison.Ordinal) && n.Contains("đã được tiếp nhận", StringComparison.Ordinal));
        // The receipt e-mail carries Form 01 as a PDF; the SMS does not.
        var mine = host.Notifications().Where(n => n.Contains(code, StringComparison.Ordinal)).ToArray();
        Assert.True(mine.Any(n => n.Contains("\"Channel\":0", StringComparison.Ordinal) && n.Contains($"mau-01-{code}.pdf", StringComparison.Ordinal)), string.Join("\n", mine));
        Assert.DoesNotContain(host.Notifications(), n => n.Contains("\"Channel\":1", StringComparison.Ordinal) && n.Contains($"mau-01-{code}.pdf", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SupplementDuringProcessing_PausesTheClockAndIsCounted(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var journey = await DossierJourney.AssignedAsync(host);
        var (citizen, id) = (journey.Citizen, journey.Id);
        var reception = await host.ClientAs("reception.demo");
        var leader = await host.ClientAs("leader.demo");
        var handler = await host.ClientAs("handler.demo");
        var dueBefore = (await GetAsync(handler, id)).GetProperty("dueAt").GetDateTime();

        await OkAsync(handler, id, "request-supplement", new { items = new[] { "Bản sao giấy tờ pháp lý của chủ doanh nghiệp" }, reason = "Thiếu giấy tờ" });
        Assert.Equal(5, (await GetAsync(handler, id)).GetProperty("status").GetInt32());
        // Confirming before the applicant answers is refused and changes nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(reception, id, "confirm-supplement")).StatusCode);

        await OkAsync(citizen, id, "supplement", new { note = "Đã bổ sung", documents = new[] { new { index = 0, fileId = await UploadAsync(citizen) } } });
        await OkAsync(reception, id, "confirm-supplement");
        var after = await GetAsync(handler, id);
        Assert.Equal(4, after.GetProperty("status").GetInt32());
        Assert.Equal(1, after.GetProperty("supplementCount").GetInt32());
        // The fake clock did not move: no working time passed while paused, so the due is unchanged.
        Assert.Equal(dueBefore, after.GetProperty("dueAt").GetDateTime());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ExtensionOnce_StopAndWithdraw(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var reception = await host.ClientAs("reception.demo");
        var leader = await host.ClientAs("leader.demo");

        var a = await SubmitNewAsync(host, citizen);
        await OkAsync(reception, a, "accept");
        await OkAsync(reception, a, "forward");
        var due = (await GetAsync(leader, a)).GetProperty("dueAt").GetDateTime();
        await OkAsync(leader, a, "extend", new { newDue = "2026-03-10T17:00:00+07:00", reason = "Cần xác minh thêm" });
        var extended = await GetAsync(leader, a);
        Assert.Equal(due, extended.GetProperty("originalDueAt").GetDateTime());
        Assert.Equal(1, extended.GetProperty("extensionCount").GetInt32());
        await Problem.AssertAsync(await ActAsync(leader, a, "extend", new { newDue = "2026-03-12T17:00:00+07:00", reason = "Lần hai" }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        await OkAsync(leader, a, "stop", new { reason = "Không đủ điều kiện" });
        Assert.Equal(8, (await GetAsync(citizen, a)).GetProperty("status").GetInt32());

        var b = await SubmitNewAsync(host, citizen);
        await OkAsync(citizen, b, "withdraw", new { reason = "Tôi không có nhu cầu nữa" });
        Assert.Equal(7, (await GetAsync(citizen, b)).GetProperty("status").GetInt32());
        await Problem.AssertAsync(await ActAsync(reception, b, "accept"), HttpStatusCode.Conflict, "urn:motcua:problem:invalid-state");
    }

    public static async Task<long> UserIdAsync(WebHost host, string userName)
    {
        using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Data.AppDbContext>();
        return db.UserAccounts.Single(u => u.UserName == userName).Id;
    }
}
