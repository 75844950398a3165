using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;

namespace MotCua.Web.Infrastructure.Http;

/// <summary>
/// Parses query-string values itself (endpoints bind strings), so a non-number or an impossible
/// date becomes a ProblemDetails with a Vietnamese message instead of ASP.NET's bare 400.
/// </summary>
public sealed class QueryParsing
{
    private readonly List<FieldError> _errors = [];
    public IReadOnlyList<FieldError> Errors => _errors;
    public bool Ok => _errors.Count == 0;

    /// <summary>An error found by a rule beyond the value's own form (a period too long, an unknown name).</summary>
    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public int Int(string? raw, string field, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return fallback;
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        _errors.Add(new FieldError(field, $"Giá trị phải là số nguyên từ {min} đến {max}."));
        return fallback;
    }

    public int? RequiredInt(string? raw, string field, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            _errors.Add(new FieldError(field, "Thiếu giá trị bắt buộc."));
            return null;
        }
        var before = _errors.Count;
        var value = Int(raw, field, 0, min, max);
        return _errors.Count == before ? value : null;
    }

    public decimal? RequiredDecimal(string? raw, string field, decimal min, decimal max)
    {
        if (!string.IsNullOrWhiteSpace(raw)
            && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
            return value;
        _errors.Add(new FieldError(field, $"Giá trị phải là số từ {min} đến {max}."));
        return null;
    }

    public DateOnly? RequiredDate(string? raw, string field)
    {
        if (!string.IsNullOrWhiteSpace(raw) && IsoDate.TryParse(raw, out var date))
            return date;
        _errors.Add(new FieldError(field, "Ngày phải có dạng YYYY-MM-DD và là ngày có thật."));
        return null;
    }

    public DateTimeOffset? RequiredInstant(string? raw, string field)
    {
        // An ISO-8601 moment with an explicit offset: a deadline depends on knowing the real instant.
        if (!string.IsNullOrWhiteSpace(raw)
            && DateTimeOffset.TryParseExact(raw.Trim(), ["yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        _errors.Add(new FieldError(field, "Thời điểm phải theo ISO-8601 có múi giờ, ví dụ 2026-03-02T10:00:00+07:00."));
        return null;
    }

    public bool Bool(string? raw, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return false;
        if (bool.TryParse(raw, out var value))
            return value;
        if (raw is "0" or "1")
            return raw == "1";
        _errors.Add(new FieldError(field, "Giá trị phải là true hoặc false."));
        return false;
    }

    public TEnum? Enum<TEnum>(string? raw, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        if (System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(raw, out _))
            return value;
        _errors.Add(new FieldError(field, $"Giá trị phải là một trong: {string.Join(", ", System.Enum.GetNames<TEnum>())}."));
        return null;
    }
}
