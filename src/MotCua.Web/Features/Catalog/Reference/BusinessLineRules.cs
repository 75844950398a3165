using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Core.Catalog;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Catalog.Reference;

/// <summary>
/// A business-lines field is a repeating-rows field with a <c>vsicCode</c> column (the catalogue's
/// enterprise and household-business procedures): each row must be a real level-4 line of the
/// economic-sector classification (Decision 27/2018/QĐ-TTg), and is stored as its code and official
/// name whatever was typed after the code (docs/domain/forms.md#business-lines-vsic).
/// </summary>
public static class BusinessLineRules
{
    public const string CodeColumn = "vsicCode";

    public static bool IsBusinessLines(FormField field) =>
        field.Type == FormFieldType.Rows && field.Columns is { } columns && columns.Any(c => c.Key == CodeColumn);

    /// <summary>The column that holds the line's name (the first other text column), if the field has one.</summary>
    public static string? NameColumn(FormField field) =>
        field.Columns?.FirstOrDefault(c => c.Key != CodeColumn && c.Type == FormFieldType.Text)?.Key;

    /// <summary>One error per row whose code is not a level-4 line; the rows' shape is <see cref="FormDataRules"/>' business.</summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<FormField> fields, JsonElement data, VsicList list)
    {
        var errors = new List<FieldError>();
        if (data.ValueKind != JsonValueKind.Object)
            return errors;
        foreach (var field in fields.Where(IsBusinessLines))
        {
            if (!data.TryGetProperty(field.Key, out var rows) || rows.ValueKind != JsonValueKind.Array)
                continue;
            var i = 0;
            foreach (var row in rows.EnumerateArray().Take(FormDataRules.MaxRows))
            {
                var code = row.ValueKind == JsonValueKind.Object && row.TryGetProperty(CodeColumn, out var c) && c.ValueKind == JsonValueKind.String
                    ? JsonTextCheck.SafeString(c) : null;
                if (!string.IsNullOrWhiteSpace(code) && VsicSearch.ByLeadingCode(list, code) is null && VsicSearch.UnlistedOfKnownGroup(list, code) is null)
                    errors.Add(new FieldError($"formData.{field.Key}[{i}].{CodeColumn}",
                        $"\"{field.Label}\" dòng {i + 1}: không có mã ngành cấp 4 “{Shorten(code)}” trong Hệ thống ngành kinh tế Việt Nam."));
                i++;
            }
        }
        return errors;
    }

    /// <summary>
    /// The form data with every business line that starts with a known code stored as the bare code
    /// and the official name ("4711 | bán lẻ" becomes 4711 and the name the Decision gives).
    /// </summary>
    public static JsonElement Normalize(IReadOnlyList<FormField> fields, JsonElement data, VsicList list)
    {
        if (data.ValueKind != JsonValueKind.Object || !fields.Any(IsBusinessLines))
            return data;
        var root = JsonNode.Parse(data.GetRawText())!.AsObject();
        foreach (var field in fields.Where(IsBusinessLines))
        {
            if (root[field.Key] is not JsonArray rows)
                continue;
            var nameColumn = NameColumn(field);
            foreach (var row in rows.OfType<JsonObject>())
            {
                if (row[CodeColumn] is not JsonValue value || !value.TryGetValue<string>(out var typed)
                    || VsicSearch.ByLeadingCode(list, typed) is not { } line)
                    continue;
                row[CodeColumn] = line.Code;
                if (nameColumn is not null)
                    row[nameColumn] = line.Name;
            }
        }
        return JsonSerializer.SerializeToElement(root);
    }

    /// <summary>A stored row as the office reads it, "4711 – name": the name stored with it, else the official one.</summary>
    public static string Display(FormField field, JsonElement row, VsicList list)
    {
        if (row.ValueKind != JsonValueKind.Object)
            return "";
        var code = row.TryGetProperty(CodeColumn, out var c) && c.ValueKind == JsonValueKind.String ? (JsonTextCheck.SafeString(c) ?? "").Trim() : "";
        var name = NameColumn(field) is { } column && row.TryGetProperty(column, out var n) && n.ValueKind == JsonValueKind.String ? (JsonTextCheck.SafeString(n) ?? "").Trim() : "";
        if (name.Length == 0)
            name = list.Find(code)?.Name ?? "";
        return name.Length == 0 ? code : code.Length == 0 ? name : $"{code} – {name}";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
