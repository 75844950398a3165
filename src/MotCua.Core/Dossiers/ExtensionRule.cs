using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

/// <summary>
/// Extension with apology (Decree 61/2018 art. 19.9; Form 04 of Circular 01/2018; docs/domain/deadlines.md#extension):
/// asked at least one working day before the due moment, at most once, to a later date. The
/// original due moment is kept by the caller next to the new one.
/// </summary>
public static class ExtensionRule
{
    public const string OnlyOnce = "Hồ sơ đã được gia hạn một lần; chỉ được hẹn lại ngày trả kết quả không quá một lần.";

    /// <summary>Vietnamese messages for the officer; empty when the extension is allowed. Instants are Vietnam-local.</summary>
    /// <param name="extensionCount">Extensions already granted to this dossier.</param>
    public static IReadOnlyList<string> Check(WorkingCalendar calendar, DateTime requestedAt, DateTime currentDue, DateTime newDue, int extensionCount)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(extensionCount);
        var errors = new List<string>();

        // "Việc hẹn lại ngày trả kết quả được thực hiện không quá một lần" (art. 19.9).
        if (extensionCount >= 1)
        {
            errors.Add(OnlyOnce);
        }

        // "Chậm nhất 01 ngày trước ngày hết hạn": one working day of working time, hour-precise
        // like the deadlines themselves; a request after the due moment is negative and fails too.
        if (calendar.WorkingTimeBetween(requestedAt, currentDue) < calendar.Hours.DayLength)
        {
            errors.Add("Phải đề nghị gia hạn chậm nhất 01 ngày làm việc trước thời hạn trả kết quả.");
        }

        if (VietnamTime.Normalize(newDue, nameof(newDue)) <= VietnamTime.Normalize(currentDue, nameof(currentDue)))
        {
            errors.Add("Ngày hẹn trả kết quả mới phải sau thời hạn hiện tại.");
        }

        return errors;
    }
}
