using System.Collections.Concurrent;
using System.Text;

namespace MotCua.Simulator;

/// <summary>How a simulated system misbehaves until told otherwise.</summary>
public enum FaultMode { None, Down, Slow, ServerError, MalformedJson }

/// <summary>A request the simulator received: the system (first path segment), path, headers of interest and body.</summary>
public sealed record RecordedRequest(long Sequence, DateTimeOffset At, string System, string Method, string Path, string? Authorization, string Body);

/// <summary>
/// What the simulator remembers: every request per system, and the fault set for each system.
/// Systems are named by the first segment of the path (e.g. <c>/dvcqg/...</c> is "dvcqg").
/// </summary>
public sealed class SimulatorState
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, FaultMode> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _flags = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;

    /// <summary>How long <see cref="FaultMode.Slow"/> holds a request before answering normally.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<RecordedRequest> Requests(string? system = null) =>
        _requests.Where(r => system is null || string.Equals(r.System, system, StringComparison.OrdinalIgnoreCase)).ToList();

    public void SetFault(string system, FaultMode mode)
    {
        if (mode == FaultMode.None) _faults.TryRemove(system, out _);
        else _faults[system] = mode;
    }

    public FaultMode FaultOf(string system) => _faults.TryGetValue(system, out var mode) ? mode : FaultMode.None;

    /// <summary>System-specific switches (e.g. "dvcqg:exists", "dvcqg:expire-session"), read by each system's routes.</summary>
    public void SetFlag(string name, string? value)
    {
        if (value is null) _flags.TryRemove(name, out _);
        else _flags[name] = value;
    }

    public string? Flag(string name) => _flags.TryGetValue(name, out var value) ? value : null;

    private readonly List<Action> _onReset = [];

    /// <summary>A system's own state to forget on <see cref="Reset"/>.</summary>
    public void OnReset(Action forget) => _onReset.Add(forget);

    public void Reset()
    {
        _requests.Clear();
        _faults.Clear();
        _flags.Clear();
        foreach (var forget in _onReset)
            forget();
    }

    internal static string SystemOf(PathString path)
    {
        var value = path.Value ?? "/";
        var segment = value.TrimStart('/').Split('/', 2)[0];
        return segment.Length == 0 ? "-" : segment;
    }

    internal async Task RecordAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        request.Body.Position = 0;
        _requests.Enqueue(new RecordedRequest(Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow,
            SystemOf(request.Path), request.Method, request.Path + request.QueryString, request.Headers.Authorization.ToString(), body));
    }

    /// <summary>Answers the request with the system's fault, if one is set; true when it did.</summary>
    internal async Task<bool> ApplyFaultAsync(HttpContext context)
    {
        switch (FaultOf(SystemOf(context.Request.Path)))
        {
            case FaultMode.Down:
                context.Abort();
                return true;
            case FaultMode.Slow:
                await Task.Delay(SlowDelay, context.RequestAborted);
                return false;
            case FaultMode.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("Internal Server Error", context.RequestAborted);
                return true;
            case FaultMode.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"error_code\": 0, \"message\": ", context.RequestAborted);
                return true;
            default:
                return false;
        }
    }
}
