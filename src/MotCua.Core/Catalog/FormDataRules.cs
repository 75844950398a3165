using System.Globalization;
using System.Text.Json;

namespace MotCua.Core.Catalog;

/// <summary>
/// Checks the procedure-specific form data of a dossier against the fields its catalogue version
/// defines (docs/domain/dossier-handling.md#form-data: text, number, date, choice, yes/no, repeating rows). Unknown keys are refused
/// so that nothing unvalidated is stored.
/// </summary>
public static class FormDataRules
{
    public const int MaxTextLength = 2000;
    public const int MaxRows = 200;

    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<FormField> fields, JsonElement data, string path = "formData")
    {
        var errors = new List<FieldError>();
        if (data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            data = JsonDocument.Parse("{}").RootElement;
        if (data.ValueKind != JsonValueKind.Object)
            return [new FieldError(path, "Dữ liệu tờ khai phải là một đối tượng.")];
        var known = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
            if (!known.Contains(property.Name))
                errors.Add(new FieldError($"{path}.{property.Name}", "Trường này không có trong tờ khai của thủ tục."));
        foreach (var field in fields)
        {
            var at = $"{path}.{field.Key}";
            if (!data.TryGetProperty(field.Key, out var value) || IsEmpty(value))
            {
                if (field.Required)
                    errors.Add(new FieldError(at, $"Vui lòng nhập \"{field.Label}\"."));
                continue;
            }
            var message = Check(field, value, at, errors);
            if (message is not null)
                errors.Add(new FieldError(at, message));
        }
        return errors;
    }

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
        || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);

    private static string? Check(FormField field, JsonElement value, string at, List<FieldError> errors)
    {
        switch (field.Type)
        {
            case FormFieldType.Text:
                return value.ValueKind == JsonValueKind.String && value.GetString()!.Length <= MaxTextLength
                    ? null : $"\"{field.Label}\" phải là văn bản tối đa {MaxTextLength} ký tự.";
            case FormFieldType.Number:
                return value.ValueKind == JsonValueKind.Number
                       || (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                    ? null : $"\"{field.Label}\" phải là số.";
            case FormFieldType.Date:
                return value.ValueKind == JsonValueKind.String
                       && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : $"\"{field.Label}\" phải là ngày hợp lệ (YYYY-MM-DD).";
            case FormFieldType.Choice:
                return value.ValueKind == JsonValueKind.String && field.Options is { } options && options.Contains(value.GetString()!)
                    ? null : $"\"{field.Label}\" phải là một trong các lựa chọn đã cho.";
            case FormFieldType.YesNo:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                       || (value.ValueKind == JsonValueKind.String && value.GetString() is "true" or "false")
                    ? null : $"\"{field.Label}\" phải là Có hoặc Không.";
            case FormFieldType.Rows:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxRows)
                    return $"\"{field.Label}\" phải là danh sách tối đa {MaxRows} dòng.";
                var i = 0;
                foreach (var row in value.EnumerateArray())
                    errors.AddRange(Validate(field.Columns ?? [], row, $"{at}[{i++}]"));
                return null;
            default:
                return "Loại trường không được hỗ trợ.";
        }
    }
}
