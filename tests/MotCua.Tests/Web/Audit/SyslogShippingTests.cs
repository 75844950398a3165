using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Audit;

namespace MotCua.Tests.Web.Audit;

/// <summary>Security events reach the SOC as RFC 5424 syslog over TCP (RFC 6587 octet counting) or UDP, and nothing is lost while it is down.</summary>
public partial class SyslogShippingTests
{
    // RFC 5424: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD-ELEMENT], UTC timestamp with microseconds.
    [GeneratedRegex("""^<(?<pri>\d{1,3})>1 (?<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z) (?<host>[!-~]{1,255}) motcua (?<proc>[!-~]{1,128}) (?<msgid>[!-~]{1,32}) \[audit@32473(?<params>( [a-zA-Z]+="([^"\\\]]|\\["\\\]])*")+)\]$""")]
    private static partial Regex Rfc5424();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FailedSignIn_ReachesTcpListener_AsOctetCountedRfc5424(DatabaseKind kind)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var host = await WebHost.StartAsync(kind, demoData: false, Settings("tcp", port));
        var officer = await AddFailedSignInAsync(host, "10.9.8.7");
        var accept = listener.AcceptTcpClientAsync();
        await host.Services.GetRequiredService<AuditPipeline>().RunOnceAsync(default);
        using var client = await accept;
        var frames = ReadFrames(await ReadAllAsync(client.GetStream()));
        listener.Stop();

        var line = Assert.Single(frames);
        var match = Rfc5424().Match(line);
        Assert.True(match.Success, line);
        Assert.Equal("85", match.Groups["pri"].Value); // authpriv (10) × 8 + notice (5) for a failure
        Assert.Equal("security.sign-in-failed", match.Groups["msgid"].Value);
        Assert.Equal("2026-03-02T03:00:00.000000Z", match.Groups["ts"].Value);
        Assert.Contains($"account=\"{officer}\"", line, StringComparison.Ordinal);
        Assert.Contains("outcome=\"Failed\"", line, StringComparison.Ordinal);
        Assert.Contains("ip=\"10.9.8.7\"", line, StringComparison.Ordinal);
        Assert.Contains("seq=\"1\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("sai-mat-khau", line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UdpShipping_CatchesUpAfterTheSocWasDown(DatabaseKind kind)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        // First the SOC is unreachable (TCP to a closed port): nothing is marked as shipped.
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var host = await WebHost.StartAsync(kind, demoData: false, Settings("tcp", closedPort));
        var pipeline = host.Services.GetRequiredService<AuditPipeline>();
        await AddFailedSignInAsync(host, "10.0.0.1");
        await Assert.ThrowsAnyAsync<SocketException>(() => pipeline.RunOnceAsync(default));
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await db.AuditMarkers.Where(m => m.Name == AuditShipper.MarkerName).Select(m => m.Position).SingleAsync());
        }

        // The SOC is back (now over UDP): the backlog and the new event arrive, in order.
        await AddFailedSignInAsync(host, "10.0.0.2");
        var options = host.Services.GetRequiredService<SyslogOptions>();
        (options.Protocol, options.Port) = ("udp", port);
        await pipeline.RunOnceAsync(default);
        var shipper = host.Services.GetRequiredService<AuditShipper>();
        var first = Encoding.UTF8.GetString((await udp.ReceiveAsync()).Buffer);
        var second = Encoding.UTF8.GetString((await udp.ReceiveAsync()).Buffer);
        Assert.Matches(Rfc5424(), first);
        Assert.Contains("ip=\"10.0.0.1\"", first, StringComparison.Ordinal);
        Assert.Contains("ip=\"10.0.0.2\"", second, StringComparison.Ordinal);
        Assert.Equal(0, await shipper.ShipOnceAsync(default)); // up to date: nothing sent twice
    }

    private static Dictionary<string, string> Settings(string protocol, int port) => new()
    {
        ["Soc:Syslog:Host"] = "127.0.0.1",
        ["Soc:Syslog:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Soc:Syslog:Protocol"] = protocol,
        ["Soc:Syslog:HostName"] = "motcua-node-1",
    };

    /// <summary>A real wrong-password sign-in of a new officer from the given client address; returns the officer's user name.</summary>
    private static async Task<string> AddFailedSignInAsync(WebHost host, string clientIp)
    {
        var officer = await SignInSecurityTests.OfficerAsync(host, OfficerRole.Handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new { userName = officer, password = "sai-mat-khau" }),
        };
        request.Headers.Add(TestClientAddress.Header, clientIp);
        var response = await host.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return officer;
    }

    private static async Task<byte[]> ReadAllAsync(NetworkStream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Splits "LEN SP MSG" frames (RFC 6587 §3.4.1), checking each length.</summary>
    private static List<string> ReadFrames(byte[] data)
    {
        var frames = new List<string>();
        var at = 0;
        while (at < data.Length)
        {
            var space = Array.IndexOf(data, (byte)' ', at);
            var length = int.Parse(Encoding.ASCII.GetString(data, at, space - at), System.Globalization.CultureInfo.InvariantCulture);
            frames.Add(Encoding.UTF8.GetString(data, space + 1, length));
            at = space + 1 + length;
        }
        return frames;
    }
}
