using System.Text.RegularExpressions;
using MotCua.Core.Calendar;

namespace MotCua.Core.Catalog;

/// <summary>A field-level error, with the path of the field and a Vietnamese message.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Checks that a procedure definition can be published.</summary>
public static partial class ProcedureDefinitionRules
{
    /// <summary>National procedure code of the National TTHC Database, e.g. 1.001612 or 2.000635.</summary>
    [GeneratedRegex(@"^[0-9]\.[0-9]{6}(\.[0-9A-Z.]+)?$")]
    private static partial Regex NationalCode();

    public static bool IsNationalCode(string? code) => code is not null && NationalCode().IsMatch(code);

    public static IReadOnlyList<FieldError> Validate(ProcedureDefinition definition, string path = "")
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(path + field, message));

        if (!IsNationalCode(definition.Code))
            Add("code", "Mã thủ tục phải có dạng 1.001612 (mã trên Cơ sở dữ liệu quốc gia về TTHC).");
        if (string.IsNullOrWhiteSpace(definition.Name))
            Add("name", "Tên thủ tục không được để trống.");
        if (string.IsNullOrWhiteSpace(definition.SectorCode))
            Add("sectorCode", "Thủ tục phải thuộc một lĩnh vực.");
        if (definition.Levels.Count == 0)
            Add("levels", "Phải có ít nhất một cấp thực hiện.");
        if (string.IsNullOrWhiteSpace(definition.CompetentAgency))
            Add("competentAgency", "Phải có cơ quan có thẩm quyền giải quyết.");
        if (definition.LegacyLevel is < 1 or > 4)
            Add("legacyLevel", "Mức độ cũ (Nghị định 43/2011) chỉ từ 1 đến 4.");
        if (definition.Cases.Count == 0)
            Add("cases", "Phải có ít nhất một trường hợp giải quyết.");

        var caseCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Cases.Count; i++)
        {
            var c = definition.Cases[i];
            var at = $"cases[{i}].";
            if (string.IsNullOrWhiteSpace(c.Code) || !caseCodes.Add(c.Code))
                Add(at + "code", "Mã trường hợp trống hoặc bị trùng.");
            if (string.IsNullOrWhiteSpace(c.Name))
                Add(at + "name", "Tên trường hợp không được để trống.");
            CheckLimit(c.TimeLimit, at + "timeLimit", Add);
            if (c.OnlineTimeLimit is { } online)
                CheckLimit(online, at + "onlineTimeLimit", Add);
            for (var f = 0; f < c.Fees.Count; f++)
                if (c.Fees[f].AmountVnd < 0)
                    Add($"{at}fees[{f}].amountVnd", "Phí, lệ phí không được âm.");
            for (var d = 0; d < c.Documents.Count; d++)
                if (string.IsNullOrWhiteSpace(c.Documents[d].Name) || c.Documents[d].Originals < 0 || c.Documents[d].Copies < 0)
                    Add($"{at}documents[{d}]", "Thành phần hồ sơ phải có tên và số bản không âm.");
            CheckFields(c.FormFields, at + "formFields", Add, allowRows: true);
            if (c.Process.Count > 0)
            {
                var sum = c.Process.Sum(s => s.Share);
                if (c.Process.Any(s => s.Share <= 0) || Math.Abs(sum - 1m) > 0.001m)
                    Add(at + "process", "Tỷ lệ thời gian của các bước phải dương và có tổng bằng 1.");
                if (c.Process.Select(s => s.Order).Distinct().Count() != c.Process.Count)
                    Add(at + "process", "Thứ tự các bước bị trùng.");
            }
        }
        return errors;
    }

    private static void CheckLimit(TimeLimit limit, string field, Action<string, string> add)
    {
        if (limit.Value < 0 || limit.Value > 3650)
            add(field, "Thời hạn giải quyết phải từ 0 đến 3650.");
        if (limit.Unit != TimeLimitUnit.SameDay && limit.Value == 0)
            add(field, "Thời hạn giải quyết phải lớn hơn 0 (trừ loại trong ngày).");
        if (limit.Unit is TimeLimitUnit.CalendarDays && limit.Value != decimal.Truncate(limit.Value))
            add(field, "Thời hạn theo ngày lịch phải là số nguyên.");
    }

    private static void CheckFields(IReadOnlyList<FormField> fields, string path, Action<string, string> add, bool allowRows)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrWhiteSpace(f.Key) || !keys.Add(f.Key))
                add(at + ".key", "Khóa trường trống hoặc bị trùng.");
            if (string.IsNullOrWhiteSpace(f.Label))
                add(at + ".label", "Nhãn trường không được để trống.");
            if (f.Type == FormFieldType.Choice && (f.Options is null || f.Options.Count == 0))
                add(at + ".options", "Trường lựa chọn phải có danh sách lựa chọn.");
            if (f.Type == FormFieldType.Rows)
            {
                if (!allowRows || f.Columns is null || f.Columns.Count == 0)
                    add(at + ".columns", "Bảng nhiều dòng phải có cột và không lồng nhau.");
                else
                    CheckFields(f.Columns, at + ".columns", add, allowRows: false);
            }
        }
    }
}
