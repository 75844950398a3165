namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// Paper for a form. Circular 01/2018/TT-VPCP art. 9: the one-stop forms print on A5, the dossier
/// register on A4 (Form 07 of Circular 03/2025/TT-VPCP Annex I; landscape for its eleven columns).
/// </summary>
public enum PaperLayout
{
    A5Portrait,
    A4Portrait,
    A4Landscape,
}

/// <summary>One piece of a form's body, laid out top to bottom.</summary>
public abstract record FormBlock;

/// <summary>A paragraph of running text; wraps to the content width.</summary>
public sealed record ParagraphBlock(string Text, bool Bold = false, bool Italic = false, bool Centered = false) : FormBlock;

/// <summary>"Label: value"; a long value wraps under itself, aligned after the label.</summary>
public sealed record FieldBlock(string Label, string Value) : FormBlock;

/// <summary>
/// A grid: bold header row, cells that wrap, rows that continue on new pages with the header
/// repeated. <paramref name="RelativeWidths"/> share the content width (equal when null).
/// </summary>
public sealed record TableBlock(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<double>? RelativeWidths = null) : FormBlock;

/// <summary>A signature box: title (bold), note in italics, room to sign, then the printed name.</summary>
public sealed record SignatureBox(string Title, string? Note = null, string? Name = null);

/// <summary>
/// An official one-stop form (Circular 03/2025/TT-VPCP Annex I): header block, title, body and
/// signature boxes side by side.
/// </summary>
/// <param name="FormNumber">"01" … printed small at the top right as "Mẫu số 01".</param>
/// <param name="DocumentNumber">e.g. "Số: 15/TN-TTPVHCC"; null prints nothing.</param>
/// <param name="DossierCode">When set: "Mã hồ sơ: …" under the title and a QR code of exactly the code.</param>
public sealed record FormDocument(
    string FormNumber,
    string Title,
    PaperLayout Layout,
    string ParentAgency,
    string Unit,
    string? DocumentNumber,
    string PlaceAndDate,
    string? DossierCode,
    IReadOnlyList<FormBlock> Blocks,
    IReadOnlyList<SignatureBox> Signatures);
