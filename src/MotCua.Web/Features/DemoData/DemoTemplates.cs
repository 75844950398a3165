using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Infrastructure.Documents;

namespace MotCua.Web.Features.DemoData;

/// <summary>
/// A placeholder file for every form template the demo catalogue names, so the procedure pages offer
/// downloads as they will with the province's real files. Each says plainly that it is a demo
/// placeholder; an installation puts the official forms with PUT /api/catalog/templates.
/// </summary>
public static class DemoTemplates
{
    public static async Task<int> SeedAsync(AppDbContext db, FormTemplatesHandler templates, CancellationToken ct)
    {
        var definitions = await db.ProcedureVersions.AsNoTracking().Select(v => v.Definition).ToListAsync(ct);
        var titles = definitions.SelectMany(d => d.Cases).SelectMany(c => c.Documents).Select(d => d.Template).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var stored = 0;
        foreach (var title in titles)
        {
            var pdf = FormPdf.Render(new FormDocument("—", title.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), PaperLayout.A4Portrait,
                "", "", null, "", null,
                [
                    new ParagraphBlock("Bản mẫu minh họa của dữ liệu demo MotCua, không phải biểu mẫu chính thức.", Italic: true),
                    new ParagraphBlock("Khi triển khai, cơ quan quản lý danh mục thủ tục tải lên tệp mẫu ban hành kèm theo văn bản nêu trong tên mẫu."),
                    new FieldBlock("Họ và tên người yêu cầu", "................................................"),
                    new FieldBlock("Số định danh cá nhân", "................................................"),
                    new FieldBlock("Nơi cư trú", "................................................"),
                    new FieldBlock("Nội dung yêu cầu", "................................................"),
                ],
                [new SignatureBox("NGƯỜI YÊU CẦU", "(Ký, ghi rõ họ tên)")]));
            // An installation whose file limits refuse the placeholder simply has no demo templates.
            var (item, _) = await templates.PutAsync(title, null, pdf, ct);
            if (item is not null)
                stored++;
        }
        return stored;
    }
}
