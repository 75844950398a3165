using MotCua.Core.Calendar;

namespace MotCua.Web.Features.Calendar;

/// <summary>
/// An official change to the working calendar for one date, from the yearly notice of the
/// Ministry of Home Affairs (e.g. 9441/TB-BNV): an extra day off, a make-up working Saturday,
/// a moved holiday (docs/domain/calendar.md#overrides). One row per date.
/// </summary>
public sealed class CalendarOverrideRow
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarOverrideKind Kind { get; set; }
    public required string Name { get; set; }
    public string? Source { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long? UpdatedBy { get; set; }
    public long Version { get; set; }

    public CalendarOverride ToDomain() => new(Date, Kind, Name, Source);
}
