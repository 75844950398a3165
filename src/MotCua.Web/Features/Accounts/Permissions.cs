namespace MotCua.Web.Features.Accounts;

/// <summary>
/// Named permissions. Code checks permissions, never role names (docs/architecture.md#permissions); roles are only
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
    /// <summary>
    /// Lists that name dossiers or officers (the Report 06a drill-down, the per-officer Circular 01
    /// evaluation) beyond the holder's own agency and its units: the whole province.
    /// </summary>
    public const string StatisticsProvince = "statistics.province";
    public const string AuditView = "audit.view";
    /// <summary>Disable accounts and change their roles (ends their sessions).</summary>
    public const string AccountsManage = "accounts.manage";
    /// <summary>The "Liên thông" page: queues and failures per target, resend, pause and resume (docs/integrations/integration-layer.md#page).</summary>
    public const string IntegrationsManage = "integrations.manage";

    public static readonly IReadOnlyList<string> All =
    [
        DossierReceive, DossierAssign, DossierProcess, DossierApprove, DossierIssue, DossierReturn,
        CatalogManage, CalendarManage, OrganizationManage, StatisticsView, StatisticsProvince, AuditView,
        AccountsManage, IntegrationsManage,
    ];
}

/// <summary>Officer roles of the one-stop mechanism (Decree 61/2018 art. 17–20; docs/domain/legal-framework.md#roles).</summary>
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
    /// <summary>
    /// Cán bộ theo dõi, đánh giá toàn tỉnh: staff of the provincial People's Committee Office and the
    /// provincial Public Administration Service Centre who follow and evaluate the one-stop work of the
    /// whole province (Circular 01/2018/TT-VPCP: the province aggregates its agencies' evaluations).
    /// </summary>
    ProvincialSupervisor,
}

public static class Roles
{
    /// <summary>Every permission but those that act on or read dossiers (the separation of duties above).</summary>
    private static readonly IReadOnlyList<string> AdministratorPermissions =
        Permissions.All.Where(p => !p.StartsWith("dossier.", StringComparison.Ordinal)).ToArray();

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
        OfficerRole.SystemAdmin => AdministratorPermissions,
        // Province-wide statistics go to this role (and to the system administrator), not to Leader or DivisionHead: those roles exist in every department, whose
        // leaders see their own agency's dossiers and officers only.
        OfficerRole.ProvincialSupervisor => [Permissions.StatisticsView, Permissions.StatisticsProvince],
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
        OfficerRole.ProvincialSupervisor => "Cán bộ theo dõi, đánh giá toàn tỉnh",
        _ => role.ToString(),
    };
}
