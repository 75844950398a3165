using System.Collections.ObjectModel;

namespace MotCua.Core.Calendar;

/// <summary>One opening of the office within a day, [Open, Close).</summary>
public sealed record WorkSession(TimeOnly Open, TimeOnly Close)
{
    public TimeSpan Length => Close - Open;
}

/// <summary>
/// The sessions of a working day. Working hours are provincial (docs/domain/calendar.md#office-hours); the default is
/// 07:00–11:30 and 13:30–17:00, so a working day is 8 hours.
/// </summary>
public sealed record OfficeHours(IReadOnlyList<WorkSession> Sessions)
{
    private readonly ReadOnlyCollection<WorkSession> _sessions = Validate(Sessions, nameof(Sessions));

    public static OfficeHours Default { get; } = new(
    [
        new WorkSession(new TimeOnly(7, 0), new TimeOnly(11, 30)),
        new WorkSession(new TimeOnly(13, 30), new TimeOnly(17, 0)),
    ]);

    /// <summary>Sessions sorted and non-overlapping; a defensive copy of what was given.</summary>
    public IReadOnlyList<WorkSession> Sessions
    {
        get => _sessions;
        init => _sessions = Validate(value, nameof(value));
    }

    /// <summary>Working time of one full working day (the length of "1 working day").</summary>
    public TimeSpan DayLength
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var session in _sessions)
            {
                total += session.Length;
            }

            return total;
        }
    }

    public TimeOnly FirstOpen => _sessions[0].Open;

    public TimeOnly LastClose => _sessions[^1].Close;

    public bool Equals(OfficeHours? other) => other is not null && _sessions.SequenceEqual(other._sessions);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var session in _sessions)
        {
            hash.Add(session);
        }

        return hash.ToHashCode();
    }

    private static ReadOnlyCollection<WorkSession> Validate(IReadOnlyList<WorkSession>? sessions, string paramName)
    {
        if (sessions is null || sessions.Count == 0)
        {
            throw new ArgumentException("Office hours need at least one session.", paramName);
        }

        var copy = sessions.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null || copy[i].Open >= copy[i].Close)
            {
                throw new ArgumentException($"Session {i} must open before it closes.", paramName);
            }

            if (i > 0 && copy[i].Open < copy[i - 1].Close)
            {
                throw new ArgumentException($"Session {i} must start after session {i - 1} closes (sorted, non-overlapping).", paramName);
            }
        }

        return Array.AsReadOnly(copy);
    }
}
