namespace MotCua.Core.Catalog;

/// <summary>The catalogue exchange document, JSON format "motcua-catalog/1" (import and export).</summary>
public sealed record CatalogDocument
{
    public const string CurrentFormat = "motcua-catalog/1";
    public string Format { get; init; } = CurrentFormat;
    public IReadOnlyList<SectorDefinition> Sectors { get; init; } = [];
    public IReadOnlyList<ProcedureDefinition> Procedures { get; init; } = [];
}

public sealed record SectorDefinition(string Code, string Name, string? Ministry = null, bool CodeVerified = true);
