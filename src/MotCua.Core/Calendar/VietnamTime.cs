namespace MotCua.Core.Calendar;

/// <summary>
/// Vietnam time is UTC+07:00 all year (no daylight saving). Calendar instants in this namespace
/// are Vietnam-local <see cref="DateTime"/> values with <see cref="DateTimeKind.Unspecified"/>;
/// these helpers convert at the boundary.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;

    /// <param name="local">Vietnam-local time (Kind Unspecified); a UTC value is converted.</param>
    public static DateTimeOffset ToOffset(DateTime local) => new(Normalize(local, nameof(local)), Offset);

    /// <summary>The first instant (00:00 Vietnam time) of a Vietnam date, in UTC: where a period of dates starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => ToOffset(date.ToDateTime(TimeOnly.MinValue)).UtcDateTime;

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(ToLocal(time.GetUtcNow()));
    }

    /// <summary>
    /// Unspecified is Vietnam-local as documented; Utc is converted. Local is refused: it is the
    /// server's zone, which the domain must not depend on (no DateTime.Now in Core).
    /// </summary>
    internal static DateTime Normalize(DateTime value, string paramName) => value.Kind switch
    {
        DateTimeKind.Utc => ToLocal(new DateTimeOffset(value)),
        DateTimeKind.Local => throw new ArgumentException("Pass Vietnam-local time with Kind Unspecified, or UTC; server-local time is ambiguous.", paramName),
        _ => value,
    };
}
