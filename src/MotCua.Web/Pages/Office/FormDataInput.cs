using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Core.Catalog;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// Turns the counter form's fields into the JSON object that <see cref="FormDataRules"/> checks:
/// numbers and yes/no as JSON values, and a repeating-rows field typed as one row per line with
/// the columns separated by "|". Nothing is judged here: a value that does not convert is passed
/// on as text so the one validator answers with its Vietnamese message.
/// </summary>
public static class FormDataInput
{
    public static JsonElement Build(IReadOnlyList<FormField> fields, Func<string, string> value)
    {
        var data = new JsonObject();
        foreach (var field in fields)
            if (Convert(field, value(field.Key)) is { } node)
                data[field.Key] = node;
        return JsonSerializer.SerializeToElement(data);
    }

    /// <summary>The column labels in order, shown above a rows textarea.</summary>
    public static string RowsHint(FormField field) => string.Join(" | ", (field.Columns ?? []).Select(c => c.Label));

    private static JsonNode? Convert(FormField field, string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0)
            return null;
        return field.Type switch
        {
            FormFieldType.Number => decimal.TryParse(text.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? JsonValue.Create(n) : JsonValue.Create(text),
            FormFieldType.YesNo => Bool(text) is { } b ? JsonValue.Create(b) : JsonValue.Create(text),
            FormFieldType.Date => JsonValue.Create(IsoDate(text)),
            FormFieldType.Rows => Rows(field, raw),
            _ => JsonValue.Create(text),
        };
    }

    private static JsonArray? Rows(FormField field, string raw)
    {
        var columns = field.Columns ?? [];
        var rows = new JsonArray();
        foreach (var line in raw.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(FormDataRules.MaxRows + 1))
        {
            // Extra separators belong to the last column rather than being dropped.
            var cells = columns.Count == 0 ? Array.Empty<string>() : line.Split('|', columns.Count);
            var row = new JsonObject();
            for (var i = 0; i < cells.Length; i++)
                if (Convert(columns[i], cells[i]) is { } node)
                    row[columns[i].Key] = node;
            rows.Add(row);
        }
        return rows.Count == 0 ? null : rows;
    }

    private static bool? Bool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "có" or "co" or "x" or "1" => true,
        "false" or "không" or "khong" or "0" => false,
        _ => null,
    };

    /// <summary>Dates typed in a row the Vietnamese way (dd/MM/yyyy) become ISO; the date picker already sends ISO.</summary>
    private static string IsoDate(string text) =>
        DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text;
}
