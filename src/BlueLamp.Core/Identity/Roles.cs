namespace BlueLamp.Core.Identity;

/// <summary>The roles of DESIGN.md; pages and endpoints name which of these may use them.</summary>
public static class Roles
{
    public const string Operator = nameof(Operator);
    public const string Supervisor = nameof(Supervisor);
    public const string CommsOfficer = nameof(CommsOfficer);
    public const string Contributor = nameof(Contributor);
    public const string ControlRoom = nameof(ControlRoom);
    public const string Auditor = nameof(Auditor);
    public const string Administrator = nameof(Administrator);

    /// <summary>Who works the desk queue and answers conversations.</summary>
    public const string Desk = Operator + "," + Supervisor;

    /// <summary>Who reads the audit trail.</summary>
    public const string AuditReaders = Auditor + "," + Administrator;

    public static readonly IReadOnlyList<string> All =
        [Operator, Supervisor, CommsOfficer, Contributor, ControlRoom, Auditor, Administrator];
}
