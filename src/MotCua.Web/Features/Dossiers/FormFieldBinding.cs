using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using MotCua.Core.Catalog;
using MotCua.Web.Features.Catalog.Reference;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Turns the posted HTML form fields of a procedure case ("f.&lt;key&gt;") into the JSON object the
/// catalogue's form definition validates: numbers as numbers, yes/no as booleans, repeating rows
/// from a textarea with one row per line and columns separated by "|", business lines from one
/// input per line (<see cref="BusinessLineInput"/>).
/// </summary>
public static class FormFieldBinding
{
    public const string Prefix = "f.";

    /// <summary>The error path of a field, as <see cref="FormDataRules"/> names it.</summary>
    public static string PathOf(string key) => "formData." + key;

    public static JsonElement ToJson(IReadOnlyList<FormField> fields, Func<string, StringValues> posted) => ToJson(fields, posted, [], 2000);

    /// <summary>
    /// As above; a date may come as day, month and year fields (<see cref="DateFieldInput"/>), and a
    /// date that is not usable is reported in <paramref name="errors"/> with a message naming the field.
    /// </summary>
    public static JsonElement ToJson(IReadOnlyList<FormField> fields, Func<string, StringValues> posted, List<FieldError> errors, int currentYear)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (BusinessLineRules.IsBusinessLines(field))
            {
                if (BusinessLineInput.Bind(field, posted(Prefix + field.Key), errors) is { Count: > 0 } lines)
                    values[field.Key] = lines;
                continue;
            }
            var raw = posted(Prefix + field.Key).ToString().Trim();
            if (field.Type == FormFieldType.Date && raw.Length == 0)
            {
                var (outcome, date) = DateFieldInput.Parse(posted(Prefix + field.Key + DateFieldInput.Day), posted(Prefix + field.Key + DateFieldInput.Month),
                    posted(Prefix + field.Key + DateFieldInput.Year), currentYear);
                if (date is { } d)
                    values[field.Key] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                else if (outcome != DateFieldInput.Outcome.Empty)
                    errors.Add(new FieldError("formData." + field.Key, DateFieldInput.Message(outcome, field.Label)));
                continue;
            }
            if (field.Type == FormFieldType.YesNo)
            {
                if (raw.Length > 0)
                    values[field.Key] = raw is "true" or "on" or "1";
                continue;
            }
            if (raw.Length == 0)
                continue;
            values[field.Key] = field.Type switch
            {
                FormFieldType.Number when decimal.TryParse(raw.Replace(".", "", StringComparison.Ordinal).Replace(",", ".", StringComparison.Ordinal),
                    NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
                FormFieldType.Rows => Rows(field, raw),
                _ => raw,
            };
        }
        return JsonSerializer.SerializeToElement(values);
    }

    private static List<Dictionary<string, object?>> Rows(FormField field, string raw) =>
        raw.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => (field.Columns ?? []).Zip(line.Split('|').Select(c => c.Trim()).Concat(Enumerable.Repeat("", field.Columns?.Count ?? 0)))
                .ToDictionary(p => p.First.Key, p => p.First.Type switch
                {
                    FormFieldType.Number when decimal.TryParse(p.Second, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => (object?)n,
                    FormFieldType.YesNo => p.Second is "có" or "Có" or "true" or "1",
                    _ => p.Second.Length == 0 ? null : p.Second,
                }))
            .ToList();
}
