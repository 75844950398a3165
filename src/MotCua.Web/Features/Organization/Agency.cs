namespace MotCua.Web.Features.Organization;

/// <summary>Agency kinds after the 2025 reorganisation (Decree 118/2025 art. 7; docs/domain/organisation.md#agency-kinds).</summary>
public enum AgencyKind
{
    ProvincialPeopleCommittee,
    ProvincialOffice,
    /// <summary>Trung tâm Phục vụ hành chính công tỉnh.</summary>
    ProvincialServiceCentre,
    Department,
    DepartmentUnit,
    VerticalAgency,
    CommunePeopleCommittee,
    /// <summary>Trung tâm Phục vụ hành chính công xã/phường.</summary>
    CommuneServiceCentre,
    CommunePolice,
    /// <summary>Điểm tiếp nhận và trả kết quả.</summary>
    ReceptionPoint,
}

/// <summary>
/// An agency (cơ quan, đơn vị). Effective-dated and independent of administrative units; carries
/// both its QCVN 102:2016 code (used in dossier codes, Circular 01/2018 art. 19) and its
/// Decision 20/2020/QĐ-TTg electronic identifier (docs/domain/codes.md#unit-codes).
/// </summary>
public sealed class Agency
{
    public long Id { get; set; }
    /// <summary>Stable internal code, e.g. STP or UBND-05977; used by the catalogue to name agencies.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public AgencyKind Kind { get; set; }
    public long? ParentId { get; set; }
    public string? AdminUnitCode { get; set; }
    /// <summary>QCVN 102:2016 code, e.g. 000.00.15.H39 (levels read right to left).</summary>
    public required string Qcvn102Code { get; set; }
    /// <summary>Decision 20/2020/QĐ-TTg identifier, e.g. H39.15 (groups read left to right, ≤ 35 chars).</summary>
    public required string ElectronicId { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public long? SuccessorId { get; set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);
}
