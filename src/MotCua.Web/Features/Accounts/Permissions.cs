namespace MotCua.Web.Features.Accounts;

/// <summary>
/// Named permissions. Code checks permissions, never role names (DESIGN §5); roles are only
/// bundles of permissions, defined in one place below.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "perm";

    public const string DossierReceive = "dossier.receive";
    public const string DossierAssign = "dossier.assign";
    public const string DossierProcess = "dossier.process";
    public const string DossierApprove = "dossier.approve";
    public const string DossierIssue = "dossier.issue";
    public const string DossierReturn = "dossier.return";
    public const string CatalogManage = "catalog.manage";
    public const string CalendarManage = "calendar.manage";
    public const string OrganizationManage = "organization.manage";
    public const string StatisticsView = "statistics.view";
    public const string AuditView = "audit.view";

    public static readonly IReadOnlyList<string> All =
    [
        DossierReceive, DossierAssign, DossierProcess, DossierApprove, DossierIssue, DossierReturn,
        CatalogManage, CalendarManage, OrganizationManage, StatisticsView, AuditView,
    ];
}

/// <summary>Officer roles of the one-stop mechanism (Decree 61/2018 art. 17–20; DOMAIN B §1.2).</summary>
public enum OfficerRole
{
    /// <summary>Cán bộ tiếp nhận (one-stop reception).</summary>
    Reception,
    /// <summary>Lãnh đạo phòng (assigns a handler).</summary>
    DivisionHead,
    /// <summary>Chuyên viên thụ lý.</summary>
    Handler,
    /// <summary>Lãnh đạo ký duyệt.</summary>
    Leader,
    /// <summary>Văn thư.</summary>
    Clerk,
    /// <summary>Cán bộ trả kết quả.</summary>
    ReturnOfficer,
    UnitAdmin,
    SystemAdmin,
}

public static class Roles
{
    public static IReadOnlyList<string> PermissionsOf(OfficerRole role) => role switch
    {
        OfficerRole.Reception => [Permissions.DossierReceive, Permissions.DossierReturn],
        OfficerRole.DivisionHead => [Permissions.DossierAssign, Permissions.DossierProcess, Permissions.StatisticsView],
        OfficerRole.Handler => [Permissions.DossierProcess],
        OfficerRole.Leader => [Permissions.DossierApprove, Permissions.StatisticsView],
        OfficerRole.Clerk => [Permissions.DossierIssue],
        OfficerRole.ReturnOfficer => [Permissions.DossierReturn],
        OfficerRole.UnitAdmin => [Permissions.OrganizationManage, Permissions.StatisticsView, Permissions.AuditView],
        // Separation of duties (TCVN 14423 5.6.2.4): the system administrator manages accounts,
        // settings and the audit log but reads no dossier content unless also given a processing role.
        OfficerRole.SystemAdmin => [Permissions.CatalogManage, Permissions.CalendarManage, Permissions.OrganizationManage, Permissions.StatisticsView, Permissions.AuditView],
        _ => [],
    };

    public static string VietnameseName(OfficerRole role) => role switch
    {
        OfficerRole.Reception => "Cán bộ tiếp nhận",
        OfficerRole.DivisionHead => "Lãnh đạo phòng",
        OfficerRole.Handler => "Chuyên viên xử lý",
        OfficerRole.Leader => "Lãnh đạo ký duyệt",
        OfficerRole.Clerk => "Văn thư",
        OfficerRole.ReturnOfficer => "Cán bộ trả kết quả",
        OfficerRole.UnitAdmin => "Quản trị đơn vị",
        OfficerRole.SystemAdmin => "Quản trị hệ thống",
        _ => role.ToString(),
    };
}
