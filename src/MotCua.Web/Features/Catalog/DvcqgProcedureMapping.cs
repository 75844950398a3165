using System.Globalization;
using System.Text.Json;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Catalog;

/// <summary>A procedure as DVCQG's <c>LayThuTuc</c> gives it, read into the catalogue's terms; null fields were absent.</summary>
public sealed record DvcqgProcedure(string Name, string SectorCode, string SectorName, IReadOnlyList<ApplicantType> ApplicantTypes,
    IReadOnlyList<(string Code, string Name)> Agencies, TimeLimit? TimeLimit, TimeLimit? OnlineTimeLimit, IReadOnlyList<Fee> Fees,
    IReadOnlyList<RequiredDocument> Documents, string? ResultType, IReadOnlyList<string> LegalBasis, string? Requirements);

/// <summary>
/// Reads <c>result[0]</c> of <c>LayThuTuc</c> (docs/integrations/dvcqg.md#catalogue): names, sector, time per
/// channel (<c>KENH</c> 1 in person, 2 online, 3 post), fees, papers, applicants, agencies, results, legal basis.
/// </summary>
public static class DvcqgProcedureMapping
{
    /// <exception cref="FormatException">Not a procedure: no name or no sector, or a value of the wrong kind.</exception>
    public static DvcqgProcedure Read(JsonElement p)
    {
        try
        {
            var name = Text(p, "TENTTHC") ?? throw new FormatException("Thiếu TENTTHC.");
            var sector = Items(p, "LINHVUCTHUCHIEN").FirstOrDefault();
            var sectorCode = sector.ValueKind == JsonValueKind.Object ? Text(sector, "MALINHVUC") : null;
            if (sectorCode is null)
                throw new FormatException("Thiếu LINHVUCTHUCHIEN.MALINHVUC.");
            var channels = Items(p, "CACHTHUCTHUCHIEN").Select(c => (Channel: ChannelOf(Text(c, "KENH")), Time: Items(c, "THOIGIAN").FirstOrDefault()))
                .Where(c => c.Time.ValueKind == JsonValueKind.Object).ToList();
            var inPerson = channels.FirstOrDefault(c => c.Channel == 1);
            if (inPerson.Channel == 0) inPerson = channels.FirstOrDefault(c => c.Channel == 3);
            if (inPerson.Channel == 0 && channels.Count > 0) inPerson = channels[0];
            var online = channels.FirstOrDefault(c => c.Channel == 2);
            var limit = inPerson.Channel == 0 ? (TimeLimit?)null : Limit(inPerson.Time);
            var onlineLimit = online.Channel == 0 ? (TimeLimit?)null : Limit(online.Time);
            var fees = inPerson.Channel == 0 ? [] : Items(inPerson.Time, "PHILEPHI").Select(FeeOf).OfType<Fee>().ToList();
            var papers = Items(p, "THANHPHANHOSO").FirstOrDefault();
            var documents = papers.ValueKind == JsonValueKind.Object
                ? Items(papers, "GIAYTO").Where(g => Text(g, "TENGIAYTO") is not null)
                    .Select(g => new RequiredDocument(Text(g, "TENGIAYTO")!, Count(g, "SOBANCHINH"), Count(g, "SOBANSAO"), null, true)).ToList()
                : [];
            return new DvcqgProcedure(name, sectorCode, Text(sector, "TENLINHVUC") ?? sectorCode,
                Items(p, "DOITUONGTHUCHIEN").Select(d => ApplicantOf(Text(d, "TENDOITUONG"))).OfType<ApplicantType>().Distinct().ToList(),
                Items(p, "COQUANTHUCHIEN").Select(a => (Text(a, "MADONVI") ?? "", Text(a, "TENDONVI") ?? "")).Where(a => a.Item1.Length > 0).ToList(),
                limit, onlineLimit == limit ? null : onlineLimit, fees, documents,
                Items(p, "KETQUATHUCHIEN").Select(k => Text(k, "TENKETQUA")).OfType<string>().ToList() is { Count: > 0 } results ? string.Join("; ", results) : null,
                Items(p, "CANCUPHAPLY").Select(LegalText).OfType<string>().ToList(),
                Text(p, "YEUCAU") is { } y && !y.Equals("Không", StringComparison.OrdinalIgnoreCase) ? y : null);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <summary>The DVCQG channel: 1 in person, 2 online, 3 post — as a code or, in some answers, as its name.</summary>
    private static int ChannelOf(string? kenh) => kenh?.Trim().ToLowerInvariant() switch
    {
        "1" or "trực tiếp" => 1,
        "2" or "trực tuyến" => 2,
        "3" or "dịch vụ bưu chính" or "bưu chính" => 3,
        _ => 0,
    };

    private static TimeLimit? Limit(JsonElement time)
    {
        var text = Text(time, "THOIGIANGIAIQUYET")?.Replace(',', '.');
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value is < 0 or > TimeLimit.MaxValue)
            return null;
        var unit = Text(time, "DONVITINH")?.Trim().ToLowerInvariant() switch
        {
            "ngày" => TimeLimitUnit.CalendarDays,
            "giờ" or "giờ làm việc" => TimeLimitUnit.WorkingHours,
            _ => TimeLimitUnit.WorkingDays, // "Ngày làm việc", the unit the law sets for nearly every procedure
        };
        return new TimeLimit(unit == TimeLimitUnit.CalendarDays ? Math.Ceiling(value) : value, unit);
    }

    private static Fee? FeeOf(JsonElement fee)
    {
        var digits = new string((Text(fee, "SOTIEN") ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is 0 or > 15)
            return null;
        return new Fee(Text(fee, "MOTA") ?? "Phí, lệ phí", long.Parse(digits, CultureInfo.InvariantCulture));
    }

    /// <summary>DVCQG names applicants in words; the catalogue has the four kinds of <c>LoaiDoiTuong</c>.</summary>
    private static ApplicantType? ApplicantOf(string? name)
    {
        var n = name?.ToLowerInvariant() ?? "";
        if (n.Contains("doanh nghiệp", StringComparison.Ordinal) || n.Contains("hợp tác xã", StringComparison.Ordinal)) return ApplicantType.Business;
        if (n.Contains("cơ quan nhà nước", StringComparison.Ordinal)) return ApplicantType.StateAgency;
        if (n.Contains("tổ chức", StringComparison.Ordinal)) return ApplicantType.Organization;
        if (n.Contains("công dân", StringComparison.Ordinal) || n.Contains("cá nhân", StringComparison.Ordinal) || n.Contains("người", StringComparison.Ordinal)) return ApplicantType.Citizen;
        return null;
    }

    private static string? LegalText(JsonElement law) => (Text(law, "TENVANBAN"), Text(law, "SOVANBAN")) switch
    {
        ({ } name, { } number) => $"{name} số {number}",
        ({ } name, null) => name,
        (null, { } number) => number,
        _ => null,
    };

    private static int Count(JsonElement e, string name) =>
        int.TryParse(Text(e, name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 100 ? n : 0;

    private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>A string value (numbers too: DVCQG writes most numbers as strings, not all), trimmed; null when absent or empty.</summary>
    private static string? Text(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
            return null;
        var text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!.Trim(),
            JsonValueKind.Number => v.GetRawText(),
            _ => "",
        };
        return text.Length > 0 ? text : null;
    }
}
