using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MotCua.Core.Calendar;
using MotCua.Core.Statistics;
using MotCua.Web.Infrastructure.Documents;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// Report 06a as a spreadsheet (.xlsx) and as PDF, with the column headings of form
/// II.06a/VPCP/KSTT in Vietnamese and MotCua's withdrawn/stopped columns beside them.
/// </summary>
public static class Report06aExport
{
    public const string Title = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";

    public static readonly IReadOnlyList<string> Headers =
    [
        "STT", "Tên đơn vị", "Tổng số hồ sơ tiếp nhận", "Tiếp nhận trực tuyến", "Tiếp nhận trực tiếp và qua dịch vụ bưu chính",
        "Từ kỳ trước chuyển qua", "Tổng số hồ sơ đã giải quyết", "Giải quyết trước hạn", "Giải quyết đúng hạn", "Giải quyết quá hạn",
        "Rút hồ sơ", "Dừng xử lý", "Tổng số hồ sơ đang giải quyết", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn",
    ];

    public static IReadOnlyList<string> Cells(int index, Report06aRow row)
    {
        var f = row.Figures;
        int[] numbers = [f.Received, f.NewOnline, f.NewInPersonOrPostal, f.CarriedOver, f.Solved, f.SolvedEarly, f.SolvedOnTime, f.SolvedLate,
            f.Withdrawn, f.Stopped, f.Pending, f.PendingWithinTime, f.PendingOverdue];
        return [index == 0 ? "" : index.ToString(CultureInfo.InvariantCulture), row.AgencyName, .. numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))];
    }

    private static IEnumerable<(int Index, Report06aRow Row)> AllRows(Report06aResponse report) =>
        report.Rows.Select((r, i) => (i + 1, r)).Append((0, report.Total));

    /// <summary>What differs between the 06a table (by unit) and the 06b tables (by sector or level).</summary>
    public sealed record Layout(string Form, string UnitHeader, string Title);

    public static readonly Layout ByUnit = new("06a", "Tên đơn vị", Title);

    public static byte[] Xlsx(Report06aResponse report, Layout? layout = null)
    {
        layout ??= ByUnit;
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            uint r = 1;
            data.Append(Row(r++, [layout.Title]));
            data.Append(Row(r++, [$"Kỳ báo cáo: từ ngày {Vn(report.From)} đến ngày {Vn(report.To)}"]));
            data.Append(Row(r++, HeadersFor(layout)));
            foreach (var (index, row) in AllRows(report))
                data.Append(Row(r++, Cells(index, row), numbersFrom: 2));
            data.Append(Row(r, ["Quy ước: " + report.Convention]));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Bieu " + layout.Form }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static IReadOnlyList<string> HeadersFor(Layout layout) => [Headers[0], layout.UnitHeader, .. Headers.Skip(2)];

    public static byte[] Pdf(Report06aResponse report, InstallationOptions installation, Layout? layout = null) => PdfFor(report, installation, layout ?? ByUnit);

    /// <summary>The answer of a report endpoint: the table as .xlsx or PDF (named after the form and period), else <paramref name="json"/> as JSON.</summary>
    public static IResult Result(Report06aResponse report, string? format, Layout layout, InstallationOptions installation, object? json = null) => format switch
    {
        "xlsx" => TypedResults.File(Xlsx(report, layout), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bieu-{layout.Form}-{report.From}-{report.To}.xlsx"),
        "pdf" => TypedResults.File(Pdf(report, installation, layout), "application/pdf", $"bieu-{layout.Form}-{report.From}-{report.To}.pdf"),
        _ => TypedResults.Ok(json ?? report),
    };

    private static byte[] PdfFor(Report06aResponse report, InstallationOptions installation, Layout layout) => FormPdf.Render(new FormDocument(layout.Form, layout.Title, PaperLayout.A4Landscape,
        installation.IssuingAuthority, installation.ReportingUnit, null, $"Kỳ báo cáo: từ ngày {Vn(report.From)} đến ngày {Vn(report.To)}", null,
        [
            new TableBlock(HeadersFor(layout), AllRows(report).Select(x => Cells(x.Index, x.Row)).ToList(),
                [0.03, 0.17, 0.06, 0.06, 0.07, 0.06, 0.06, 0.06, 0.06, 0.06, 0.05, 0.05, 0.07, 0.07, 0.07]),
            new ParagraphBlock("Quy ước: " + report.Convention, Italic: true),
        ],
        [new SignatureBox("NGƯỜI LẬP BIỂU"), new SignatureBox("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)")]));

    private static Row Row(uint index, IReadOnlyList<string> values, int numbersFrom = int.MaxValue)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var number = i >= numbersFrom && values[i].Length > 0;
            row.Append(new Cell
            {
                CellReference = Column(i) + index.ToString(CultureInfo.InvariantCulture),
                DataType = number ? CellValues.Number : CellValues.InlineString,
                CellValue = number ? new CellValue(values[i]) : null,
                InlineString = number ? null : new InlineString(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    private static string Column(int i) => i < 26 ? ((char)('A' + i)).ToString() : "A" + (char)('A' + i - 26);

    private static string Vn(string iso) => DateOnly.ParseExact(iso, IsoDate.Pattern, CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
