using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SecrecyDuty.Core.Auditing;

namespace SecrecyDuty.Data.Auditing;

/// <summary>
/// Refuses raw SQL against the embedded database's audited tables (issue 14, finding 8: "a raw SQL change to an audit row or
/// a unit leaves no trace"). Each guarded table has triggers that call <see cref="FunctionName"/> before every insert, update
/// and delete; the app registers that function on each connection it opens, so its own writes (always audited) pass, while a
/// connection from outside (the sqlite3 shell, a script) has no such function and its statement fails before it changes a
/// row. Removing a trigger to get round it is reported by <c>verify-audit</c> and <c>/Admin/Audit/Verify</c>. On SQL Server
/// the same guarantee comes from ledger tables (docs/security.md). Someone holding the file can still rewrite it whole: the
/// guard makes a change show, it does not replace the file's own protection (docs/deployment.md).
/// </summary>
public static class SqliteWriteGuard
{
    /// <summary>The function the triggers call: present only on the app's own connections.</summary>
    public const string FunctionName = "secrecyduty_writer";

    /// <summary>
    /// The tables guarded: every table of the records and their parts, the trail itself, evidence bytes, the unit tree's closure
    /// (it decides jurisdictions), the regulation catalogue (it decides checklists and sanction guidance), and the accounts with
    /// their roles, claims and authenticator keys. Left out, in <see cref="Unguarded"/>: the app's working state. The migration
    /// <c>GuardAuditedTables</c> creates the triggers; a new table must be in one list or the other, and a guarded one needs a
    /// migration that guards it (tests fail until both hold).
    /// </summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "Activities", "ActivityAttendances", "Appraisals", "AspNetRoleClaims", "AspNetRoles", "AspNetUserClaims",
        "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "AspNetUsers", "AuditEntries", "Commendations",
        "DeficiencyCategories", "DutyChecklistItems", "DutyChecklists", "DutyItems", "EvidenceContents", "EvidenceFiles",
        "FindingPostings", "Findings", "IncidentFindings", "IncidentGrants", "IncidentOpenings", "IncidentPersons",
        "IncidentTransitions", "Incidents", "InspectionInspectors", "Inspections", "Leaders", "Postings", "Proposals",
        "RectificationOrders", "RectificationTransitions", "RegulationArticles", "Regulations", "RuleAreaExemptions",
        "RuleAreas", "RuleRegisterEntries", "SanctionDecisions", "SanctionRules", "ScoreSheetEntries", "ScoreSheets",
        "ScoreTemplateCategories", "ScoreTemplateGrades", "ScoreTemplateItems", "ScoreTemplates", "SecrecyCadres",
        "SecrecyOrganizationMembers", "SecrecyOrganizations", "UnitAncestries", "Units",
    ];

    /// <summary>
    /// Tables left open, each for a reason: notifications and their preferences, import runs and the data-protection key ring are
    /// working state, not records; the stored compliance judgements, the years they cover and the notes of what saves made stale are
    /// derived from guarded records and written on reads, judged again from those records whenever stale and, for the dashboard's years, every night
    /// (docs/decisions/0022): a raw change to one changes no record and lasts until the next night at most; the scheduler's tables are written by Quartz on connections of its own; EF's history tables by
    /// migrations.
    /// </summary>
    public static readonly IReadOnlyList<string> Unguarded =
        ["ComplianceChanges", "ComplianceCoverages", "DataProtectionKeys", "ImportRuns", "NotificationPreferences", "Notifications", "UnitYearCompliances", "__EFMigrationsHistory", "__EFMigrationsLock"];

    private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

    /// <summary>Registers the function on every connection the app's contexts open.</summary>
    public static IInterceptor Interceptor { get; } = new SqliteConnectionOpened(c => c.CreateFunction(FunctionName, () => 1, isDeterministic: true));

    /// <summary>The trigger names of a guarded table.</summary>
    public static IEnumerable<string> TriggerNames(string table) => Operations.Select(o => $"guard_{table}_{o.ToLowerInvariant()}");

    /// <summary>The statements that guard <paramref name="table"/> (for a migration).</summary>
    public static IEnumerable<string> CreateStatements(string table) => Operations.Select(operation =>
        $"CREATE TRIGGER IF NOT EXISTS \"guard_{table}_{operation.ToLowerInvariant()}\" BEFORE {operation} ON \"{table}\" " +
        $"WHEN {FunctionName}() IS NOT 1 BEGIN SELECT RAISE(ABORT, '{table} is changed through SecrecyDuty only (audited)'); END;");

    /// <summary>The statements that take the guard off <paramref name="table"/> (a migration's Down).</summary>
    public static IEnumerable<string> DropStatements(string table) => TriggerNames(table).Select(name => $"DROP TRIGGER IF EXISTS \"{name}\";");

    /// <summary>The guarded tables of which a trigger is missing: empty when every raw write is refused.</summary>
    public static async Task<IReadOnlyList<string>> UnguardedTablesAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var present = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'guard_%'")
            .ToListAsync(cancellationToken);
        var names = present.ToHashSet(StringComparer.Ordinal);
        return [.. Tables.Where(t => !TriggerNames(t).All(names.Contains))];
    }
}

/// <summary>Tells the audit check which guarded tables lost their guard: the SQLite triggers, or nothing on SQL Server.</summary>
internal sealed class DataTableGuardCheck(AppDbContext db) : IDataTableGuard
{
    public Task<IReadOnlyList<string>> UnguardedTablesAsync(CancellationToken cancellationToken = default) =>
        db.Database.IsSqlite() ? SqliteWriteGuard.UnguardedTablesAsync(db, cancellationToken) : Task.FromResult<IReadOnlyList<string>>([]);
}
