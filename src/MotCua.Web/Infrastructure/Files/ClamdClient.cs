using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MotCua.Web.Infrastructure.Files;

/// <summary>
/// Configuration "Files:Clamd": where the ClamAV daemon listens (TCP Host/Port or a Unix Socket).
/// With neither set, files are kept as "not scanned" and usable only when Required is false (the
/// demo without ClamAV); a production configuration sets Required=true, and then starting without
/// a clamd address is an error.
/// </summary>
public sealed class ClamdOptions
{
    public const string Section = "Files:Clamd";
    public string? Host { get; set; }
    public int Port { get; set; } = 3310;
    public string? Socket { get; set; }
    public bool Required { get; set; } = true;
    public int TimeoutSeconds { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(Socket);
}

public enum ScanVerdict { Clean, Infected, Unavailable }

public sealed record ScanResult(ScanVerdict Verdict, string? Signature = null);

/// <summary>
/// Scans content with clamd's INSTREAM command (clamd(8)): "zINSTREAM\0", then chunks each
/// prefixed with their length as 4-byte big-endian, then a zero length; the reply is
/// "stream: OK" or "stream: &lt;signature&gt; FOUND", NUL-terminated. Any failure to get a verdict
/// (daemon down, timeout, "... ERROR") is Unavailable, never Clean.
/// </summary>
public sealed class ClamdClient(ClamdOptions options, ILogger<ClamdClient> log)
{
    private const int ChunkBytes = 64 * 1024;

    public bool IsConfigured => options.IsConfigured;

    public async Task<ScanResult> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        if (!options.IsConfigured)
            return new ScanResult(ScanVerdict.Unavailable);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var socket = await ConnectAsync(timeout.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
            var length = new byte[4];
            for (var offset = 0; offset < content.Length; offset += ChunkBytes)
            {
                var chunk = content.Slice(offset, Math.Min(ChunkBytes, content.Length - offset));
                BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
                await stream.WriteAsync(length, timeout.Token);
                await stream.WriteAsync(chunk, timeout.Token);
            }
            BinaryPrimitives.WriteUInt32BigEndian(length, 0);
            await stream.WriteAsync(length, timeout.Token);
            var reply = await ReadReplyAsync(stream, timeout.Token);
            return Parse(reply);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("clamd unavailable: {Reason}", e.Message);
            return new ScanResult(ScanVerdict.Unavailable);
        }
    }

    private ScanResult Parse(string reply)
    {
        const string prefix = "stream: ";
        var body = reply.StartsWith(prefix, StringComparison.Ordinal) ? reply[prefix.Length..] : reply;
        if (body == "OK")
            return new ScanResult(ScanVerdict.Clean);
        if (body.EndsWith(" FOUND", StringComparison.Ordinal))
            return new ScanResult(ScanVerdict.Infected, body[..^" FOUND".Length]);
        log.LogError("clamd did not scan the stream: {Reply}", reply);
        return new ScanResult(ScanVerdict.Unavailable);
    }

    private async Task<Socket> ConnectAsync(CancellationToken ct)
    {
        Socket socket;
        EndPoint endpoint;
        if (!string.IsNullOrWhiteSpace(options.Socket))
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            endpoint = new UnixDomainSocketEndPoint(options.Socket);
        }
        else
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            endpoint = new DnsEndPoint(options.Host!, options.Port);
        }
        try
        {
            await socket.ConnectAsync(endpoint, ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<string> ReadReplyAsync(Stream stream, CancellationToken ct)
    {
        var reply = new List<byte>();
        var buffer = new byte[256];
        while (reply.Count < 4096)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0)
                break;
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.AddRange(buffer.AsSpan(0, end < 0 ? read : end));
            if (end >= 0)
                break;
        }
        if (reply.Count == 0)
            throw new IOException("clamd closed the connection without a reply.");
        return Encoding.ASCII.GetString([.. reply]).Trim();
    }
}
