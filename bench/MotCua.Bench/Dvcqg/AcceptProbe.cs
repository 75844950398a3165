using System.Diagnostics;
using System.Net.Http.Headers;

namespace MotCua.Bench.Dvcqg;

/// <summary>Latency percentiles of one operation, in milliseconds, as measured by the client.</summary>
internal sealed record Percentiles(double P50, double P95, double P99, int Samples)
{
    public static Percentiles Of(double[] times)
    {
        Array.Sort(times);
        double At(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * q) - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), times.Length);
    }
}

/// <summary>
/// A dossier action timed over HTTP: a citizen submits online (upload + submit, SubmitBench) and the
/// reception officer accepts (<c>POST /api/dossiers/{id}/accept</c>: code, clock, counters and, with
/// DVCQG on, its sync message in the same transaction); both timed, one round after the other from one client each.
/// </summary>
internal sealed class AcceptProbe(HttpClient citizen, HttpClient reception, string caseCode)
{
    public static async Task<AcceptProbe> CreateAsync(HttpClient http)
    {
        HttpClient Client(string token)
        {
            var c = new HttpClient { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return c;
        }
        var probe = new AcceptProbe(Client(await SubmitBench.TokenAsync(http, "citizen.demo")), Client(await SubmitBench.TokenAsync(http, "reception.demo")),
            await SubmitBench.CaseCodeAsync(http));
        await probe.RunAsync(10); // warm-up
        return probe;
    }

    public async Task<(Percentiles Submit, Percentiles Accept)> RunAsync(int rounds)
    {
        var submit = new double[rounds];
        var accept = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            var id = await SubmitBench.SubmitAsync(citizen, caseCode);
            submit[i] = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            using var response = await reception.PostAsync($"/api/dossiers/{id}/accept", null);
            accept[i] = clock.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
        }
        return (Percentiles.Of(submit), Percentiles.Of(accept));
    }
}
