using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Core.Catalog;
using MotCua.Web.Features.Catalog.Reference;

namespace MotCua.Web.Features.DemoData;

/// <summary>
/// Form data for a procedure case's declared fields (the same shape <see cref="FormDataRules"/>
/// validates): every required field and about half of the optional ones, with values guessed from
/// the field's key so that names look like names, ID numbers are valid and dates are plausible.
/// </summary>
internal static class DemoFormData
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Reasons =
    [
        "Theo nhu cầu của gia đình", "Để hoàn thiện hồ sơ vay vốn ngân hàng", "Bổ sung thông tin còn thiếu khi đăng ký trước đây",
        "Phục vụ thủ tục chuyển nhượng tài sản", "Sai sót khi ghi chép sổ sách trước đây", "Theo yêu cầu của cơ quan có thẩm quyền",
    ];

    private static readonly string[] Banks =
    [
        "Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Lạng Sơn",
        "Ngân hàng Nông nghiệp và Phát triển Nông thôn - Chi nhánh tỉnh Lạng Sơn",
        "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam - Chi nhánh Lạng Sơn",
    ];

    private static readonly string[] Future =
        ["bắt đầu", "dự kiến", "hiệu lực", "tiếp tục", "tạm ngừng", "đến ngày", "kết thúc", "hết hạn", "tổ chức trao", "chấm dứt", "thay đổi có"];

    public sealed record Context(DemoPerson Applicant, DateOnly Day, string CommuneName);

    public static string Create(IReadOnlyList<FormField> fields, Random rng, Context context) =>
        Object(fields, rng, context).ToJsonString(Options);

    private static JsonObject Object(IReadOnlyList<FormField> fields, Random rng, Context context, bool inRows = false)
    {
        var data = new JsonObject();
        foreach (var field in fields)
            if (field.Required || rng.NextDouble() < 0.5)
                data[field.Key] = Value(field, rng, context, inRows);
        return data;
    }

    private static JsonNode Value(FormField field, Random rng, Context c, bool inRows)
    {
        var key = field.Key.ToLowerInvariant();
        switch (field.Type)
        {
            case FormFieldType.Choice:
                return JsonValue.Create(field.Options is { Count: > 0 } options ? DemoPeople.Pick(rng, options) : "")!;
            case FormFieldType.YesNo:
                // Consents and confirmations are given in real dossiers; other flags vary.
                return JsonValue.Create(key.Contains("consent") || key.Contains("settled") || key.Contains("confirmed") || rng.Next(3) == 0);
            case FormFieldType.Date:
                return JsonValue.Create(Date(key, field.Label, inRows, rng, c).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))!;
            case FormFieldType.Number:
                return JsonValue.Create(Number(key, rng));
            case FormFieldType.Rows:
                var rows = new JsonArray();
                for (var i = rng.Next(1, 4); i > 0; i--)
                    rows.Add(Object(field.Columns ?? [], rng, c, inRows: true));
                return BusinessLineRules.IsBusinessLines(field) ? OfficialNames(field, rows) : rows;
            default:
                return JsonValue.Create(Text(key, field.Label, rng, c))!;
        }
    }

    /// <summary>Business lines as the form stores them: the code and its official name (the random draws stay as they were, so the demo is unchanged otherwise).</summary>
    private static JsonArray OfficialNames(FormField field, JsonArray rows)
    {
        if (BusinessLineRules.NameColumn(field) is not { } nameColumn)
            return rows;
        foreach (var row in rows.OfType<JsonObject>())
            if (row[BusinessLineRules.CodeColumn]?.GetValue<string>() is { } code && VsicList.Vsic2018.Find(code) is { } line)
                row[nameColumn] = line.Name;
        return rows;
    }

    private static DateOnly Date(string key, string label, bool inRows, Random rng, Context c)
    {
        if (key.Contains("childbirth"))
            return c.Day.AddDays(-rng.Next(3, 55));
        if (key.Contains("birth"))
            return c.Day.AddYears(-18 - rng.Next(50)).AddDays(-rng.Next(365));
        // Dates of something still to happen; dates in lists (residence history, members) are past.
        if (!inRows && Future.Any(w => label.Contains(w, StringComparison.OrdinalIgnoreCase)))
            return c.Day.AddDays(rng.Next(3, 60));
        return c.Day.AddDays(-rng.Next(30, 2000));
    }

    private static decimal Number(string key, Random rng)
    {
        if (key.Contains("capital") || key.Contains("value") || key.Contains("amount"))
            return rng.Next(1, 200) * 10_000_000m;
        if (key.Contains("year"))
            return rng.Next(1995, 2025);
        if (key.Contains("area"))
            return rng.Next(40, 600);
        if (key.Contains("month"))
            return rng.Next(6, 25);
        if (key.Contains("height"))
            return rng.Next(8, 30);
        if (key.Contains("employee") || key.Contains("staff") || key.Contains("attendance"))
            return rng.Next(3, 80);
        return rng.Next(1, 6);
    }

    private static string Text(string key, string label, Random rng, Context c)
    {
        if (key.Contains("idnumber"))
            return DemoPeople.IdNumber(rng, c.Day.AddYears(-20 - rng.Next(50)), rng.Next(2) == 0);
        if (key.Contains("enterprisecode") || key.Contains("businesscode"))
            return DemoPeople.EnterpriseCode(rng);
        if (key.Contains("ethnicity"))
            return DemoPeople.Ethnicity(rng);
        if (key.Contains("nationality"))
            return DemoPeople.Pick(rng, ["Trung Quốc", "Hàn Quốc", "Nhật Bản", "Lào"]);
        if (key.Contains("passport"))
            return $"E{rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture)}";
        if (label.StartsWith("Cơ quan", StringComparison.Ordinal))
            return $"Ủy ban nhân dân {char.ToLowerInvariant(c.CommuneName[0])}{c.CommuneName[1..]}";
        if (key.Contains("abbreviated"))
            return DemoPeople.Pick(rng, ["KYLUA CO., LTD", "MAUSON JSC", "XULANG TRADING CO., LTD", "DONGDANG LOGISTICS CO., LTD"]);
        if (key.Contains("bank") && !key.Contains("account"))
            return DemoPeople.Pick(rng, Banks);
        if (key.Contains("enterprisename") || key.Contains("companyname") || key.Contains("ownerorganization") || key.Contains("tradingname"))
            return DemoPeople.Company(rng);
        if (key.Contains("businessname") || key.Contains("storename") || key.Contains("venuename"))
            return $"Hộ kinh doanh {DemoPeople.FullName(rng, rng.Next(2) == 0)}";
        if (key.Contains("facilityname"))
            return $"Đình làng {DemoPeople.Village(rng)}";
        if (key.Contains("festivalname") || key.Contains("projectname"))
            return $"{label} {DemoPeople.Village(rng)}";
        if (key.Contains("name"))
            return DemoPeople.FullName(rng, rng.Next(2) == 0);
        if (key.Contains("address") || key.Contains("residence") || key.Contains("place") || key.Contains("location")
            || key.Contains("destination") || key.Contains("office"))
            return DemoPeople.Address(rng, c.CommuneName);
        if (key.Contains("commune"))
            return c.CommuneName;
        if (key.Contains("number") || key.Contains("serial") || key.Contains("license") || key.Contains("account"))
            return rng.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        if (key.Contains("vsic"))
            return DemoPeople.Pick(rng, ["4711", "4722", "5610", "4933", "4663", "0118"]);
        if (key.Contains("reason") || key.Contains("content") || key.Contains("description") || key.Contains("situation"))
            return DemoPeople.Pick(rng, Reasons);
        if (key.Contains("relation"))
            return DemoPeople.Pick(rng, ["Chủ hộ", "Vợ", "Chồng", "Con", "Cháu"]);
        return $"{label}: theo giấy tờ kèm theo";
    }
}
