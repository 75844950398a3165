using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MotCua.Bench;

/// <summary>
/// The client side of bench/durability.sh: 8 clients submit online (upload + submit) until N
/// submissions are acknowledged, each retrying the same step — and a submission with the same
/// Idempotency-Key — through crashes and restarts, as a portal client does. Every acknowledged
/// submission is written at once as "key TAB dossier id" to the output file.
/// Usage: MotCua.Bench durability-load --url http://127.0.0.1:5191 --total 2500 --out acks.tsv
/// </summary>
public static class DurabilityLoad
{
    private static readonly byte[] Pdf = BenchPdf.Build();

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var url = new Uri(Arg("--url", "http://127.0.0.1:5191"));
        var total = int.Parse(Arg("--total", "2500"), CultureInfo.InvariantCulture);
        using var output = new StreamWriter(Arg("--out", "acks.tsv"), append: true) { AutoFlush = true };
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var token = "";
        var caseCode = "";
        var acknowledged = 0;
        var failures = 0;
        var gate = new Lock();

        async Task<T> RetryAsync<T>(Func<Task<T>> step)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await step();
                }
                catch (Exception e) when (attempt < 3000 && e is HttpRequestException or TaskCanceledException or IOException or JsonException)
                {
                    Interlocked.Increment(ref failures);
                    if (e is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized })
                        token = await SubmitBench.TokenAsync(http, "citizen.demo");
                    await Task.Delay(200);
                }
            }
        }

        async Task ClientAsync()
        {
            using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            while (Volatile.Read(ref acknowledged) < total)
            {
                var fileId = await RetryAsync(async () =>
                {
                    using var form = new MultipartFormDataContent();
                    var file = new ByteArrayContent(Pdf);
                    file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                    form.Add(file, "file", "giay-de-nghi.pdf");
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/files") { Content = form };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var response = await client.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                });
                var key = Guid.NewGuid().ToString();
                var id = await RetryAsync(async () =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers")
                    {
                        Content = JsonContent.Create(new
                        {
                            procedureCode = "2.001610",
                            caseCode,
                            formData = new Dictionary<string, object>
                            {
                                ["enterpriseName"] = "Doanh nghiệp tư nhân Thử bền",
                                ["headOffice"] = "Phường Đông Kinh",
                                ["businessLines"] = new[] { new Dictionary<string, string> { ["vsicCode"] = "4711", ["lineName"] = "Bán lẻ" } },
                                ["investmentCapital"] = 500_000_000,
                            },
                            documents = new[] { new { index = 0, fileId } },
                        }),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var response = await client.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                });
                lock (gate)
                    output.WriteLine($"{key}\t{id.ToString(CultureInfo.InvariantCulture)}");
                Interlocked.Increment(ref acknowledged);
            }
        }

        token = await RetryAsync(() => SubmitBench.TokenAsync(http, "citizen.demo"));
        caseCode = await RetryAsync(() => SubmitBench.CaseCodeAsync(http));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ClientAsync()));
        Console.WriteLine($"acknowledged {acknowledged}, failed attempts retried {failures}");
        return 0;
    }
}
