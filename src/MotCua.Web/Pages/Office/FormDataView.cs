using System.Globalization;
using System.Text.Json;
using MotCua.Core.Catalog;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Pages.Office;

/// <summary>Shows the procedure-specific form data (docs/domain/dossier-handling.md#form-data) with the labels of the dossier's own procedure version.</summary>
public static class FormDataView
{
    public static bool TryGet(JsonElement data, string key, out JsonElement value)
    {
        value = default;
        return data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    public static string Show(FormField field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "Có",
        JsonValueKind.False => "Không",
        JsonValueKind.Number when value.TryGetDecimal(out var n) => n.ToString("#,0.##", CultureInfo.GetCultureInfo("vi-VN")),
        JsonValueKind.String when field.Type == FormFieldType.YesNo => JsonTextCheck.SafeString(value) == "true" ? "Có" : "Không",
        JsonValueKind.String when field.Type == FormFieldType.Date
            && DateOnly.TryParseExact(JsonTextCheck.SafeString(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => OfficeDisplay.Day(day),
        JsonValueKind.String => JsonTextCheck.SafeString(value) ?? "",
        _ => value.GetRawText(),
    };

    public static IReadOnlyList<JsonElement> Rows(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Take(FormDataRules.MaxRows).ToArray() : [];
}
