namespace MotCua.Web.Features.Organization;

/// <summary>Kinds of administrative unit (Decision 19/2025/QĐ-TTg; district kept for records before 1 Jul 2025).</summary>
public enum AdminUnitKind { Province, CentralCity, Ward, Commune, SpecialZone, LegacyDistrict }

/// <summary>
/// An administrative unit (đơn vị hành chính) with its official code, effective-dated because
/// units are merged and renamed (docs/domain/organisation.md#administrative-units). Codes: 2 digits for a province,
/// 5 digits for a commune, ward or special zone.
/// </summary>
public sealed class AdminUnit
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AdminUnitKind Kind { get; set; }
    public string? ParentCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);
}

/// <summary>Which old unit became which new one; many-to-many, so a partial flag (docs/domain/organisation.md#successions).</summary>
public sealed class AdminUnitSuccession
{
    public long Id { get; set; }
    public required string OldCode { get; set; }
    public required string NewCode { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public bool Partial { get; set; }
}
