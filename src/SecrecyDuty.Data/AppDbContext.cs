using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data.Auditing;
using SecrecyDuty.Data.Compliance;
using SecrecyDuty.Data.Versioning;

namespace SecrecyDuty.Data;

/// <summary>
/// The one model of the application. Each provider has a sealed subclass that owns its migrations
/// (docs/decisions/0004-per-provider-migrations.md); the model itself is identical for both. It also keeps the
/// data-protection keys, so that every instance over one database shares them (docs/decisions/0019-data-protection-keys-in-the-database.md).
/// </summary>
public abstract class AppDbContext(DbContextOptions options, ICurrentUser? currentUser, TimeProvider? clock)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), ISecrecyDutyDb, IDataProtectionKeyContext
{
    /// <summary>The versions the next save expects of records (<see cref="ExpectVersion"/>), by reference.</summary>
    private readonly Dictionary<object, int> _expectedVersions = new(ReferenceEqualityComparer.Instance);

    public bool AuditEachRecord { get; set; } = true;

    public void ExpectVersion(IVersioned record, int version)
    {
        ArgumentNullException.ThrowIfNull(record);
        _expectedVersions[record] = version;
    }

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitAncestry> UnitAncestries => Set<UnitAncestry>();

    public DbSet<Regulation> Regulations => Set<Regulation>();

    public DbSet<RegulationArticle> RegulationArticles => Set<RegulationArticle>();

    public DbSet<DutyItem> DutyItems => Set<DutyItem>();

    public DbSet<RuleArea> RuleAreas => Set<RuleArea>();

    public DbSet<DeficiencyCategory> DeficiencyCategories => Set<DeficiencyCategory>();

    public DbSet<SanctionRule> SanctionRules => Set<SanctionRule>();

    public DbSet<Leader> Leaders => Set<Leader>();

    public DbSet<Posting> Postings => Set<Posting>();

    public DbSet<SecrecyOrganization> SecrecyOrganizations => Set<SecrecyOrganization>();

    public DbSet<SecrecyOrganizationMember> SecrecyOrganizationMembers => Set<SecrecyOrganizationMember>();

    public DbSet<SecrecyCadre> SecrecyCadres => Set<SecrecyCadre>();

    public DbSet<RuleRegisterEntry> RuleRegisterEntries => Set<RuleRegisterEntry>();

    public DbSet<RuleAreaExemption> RuleAreaExemptions => Set<RuleAreaExemption>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<ActivityAttendance> ActivityAttendances => Set<ActivityAttendance>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    public DbSet<DutyChecklist> DutyChecklists => Set<DutyChecklist>();

    public DbSet<DutyChecklistItem> DutyChecklistItems => Set<DutyChecklistItem>();

    public DbSet<Appraisal> Appraisals => Set<Appraisal>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<InspectionInspector> InspectionInspectors => Set<InspectionInspector>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<FindingPosting> FindingPostings => Set<FindingPosting>();

    public DbSet<RectificationOrder> RectificationOrders => Set<RectificationOrder>();

    public DbSet<RectificationTransition> RectificationTransitions => Set<RectificationTransition>();

    public DbSet<ScoreTemplate> ScoreTemplates => Set<ScoreTemplate>();

    public DbSet<ScoreTemplateGrade> ScoreTemplateGrades => Set<ScoreTemplateGrade>();

    public DbSet<ScoreTemplateCategory> ScoreTemplateCategories => Set<ScoreTemplateCategory>();

    public DbSet<ScoreTemplateItem> ScoreTemplateItems => Set<ScoreTemplateItem>();

    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();

    public DbSet<ScoreSheetEntry> ScoreSheetEntries => Set<ScoreSheetEntry>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Commendation> Commendations => Set<Commendation>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentPerson> IncidentPersons => Set<IncidentPerson>();

    public DbSet<IncidentTransition> IncidentTransitions => Set<IncidentTransition>();

    public DbSet<IncidentGrant> IncidentGrants => Set<IncidentGrant>();

    public DbSet<IncidentOpening> IncidentOpenings => Set<IncidentOpening>();

    public DbSet<IncidentFinding> IncidentFindings => Set<IncidentFinding>();

    public DbSet<SanctionDecision> SanctionDecisions => Set<SanctionDecision>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<UnitYearCompliance> UnitYearCompliances => Set<UnitYearCompliance>();

    public DbSet<ComplianceCoverage> ComplianceCoverages => Set<ComplianceCoverage>();

    public DbSet<ComplianceChange> ComplianceChanges => Set<ComplianceChange>();

    /// <summary>The data-protection key ring (cookies, antiforgery tokens): XML elements, encrypted when a certificate is configured.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveWithAuditAsync(acceptAllChangesOnSuccess, async: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveWithAuditAsync(acceptAllChangesOnSuccess, async: true, cancellationToken);

    /// <summary>
    /// Saves the changes and their audit entries atomically: the entries need the keys generated by the
    /// first save, so both saves share one transaction (the caller's, or one opened here). The changes to what the
    /// compliance rules read are noted as rows of the same save, so the stored judgements they make stale are known to be
    /// stale exactly when the changes are visible (docs/decisions/0022).
    /// </summary>
    private async Task<int> SaveWithAuditAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken)
    {
        var userName = currentUser?.IsAuthenticated == true ? currentUser.UserName ?? "" : "(system)";
        RecordVersions.Stamp(ChangeTracker, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, userName, _expectedVersions);
        var pending = AuditEachRecord ? AuditRecorder.Capture(ChangeTracker) : [];
        var notes = await StaleJudgements.NoteAsync(this, async, cancellationToken);
        try
        {
            return await SaveAsync(pending, userName, acceptAllChangesOnSuccess, async, cancellationToken);
        }
        finally
        {
            // Written, or not: either way the notes are not the caller's to track.
            foreach (var note in notes)
            {
                Entry(note).State = EntityState.Detached;
            }
        }
    }

    private async Task<int> SaveAsync(List<AuditRecorder.Pending> pending, string userName, bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return async
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : base.SaveChanges(acceptAllChangesOnSuccess);
        }

        await AuditRecorder.ResolveOwnersAsync(this, pending, async, cancellationToken);
        var ownTransaction = Database.CurrentTransaction is null
            ? async ? await Database.BeginTransactionAsync(cancellationToken) : Database.BeginTransaction()
            : null;
        try
        {
            var count = async ? await base.SaveChangesAsync(true, cancellationToken) : base.SaveChanges(true);
            var at = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
            var userId = currentUser?.IsAuthenticated == true ? currentUser.UserId : null;
            AuditEntries.AddRange(pending.Select(p => p.Complete(at, userId, userName)));
            _ = async ? await base.SaveChangesAsync(true, cancellationToken) : base.SaveChanges(true);
            if (ownTransaction is not null)
            {
                if (async)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
                else
                {
                    ownTransaction.Commit();
                }
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    public Task InsertAsync<T>(IReadOnlyList<T> records, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(records);
        if (AuditEachRecord)
        {
            throw new InvalidOperationException("InsertAsync writes no audit entry per record: turn AuditEachRecord off and audit the batch.");
        }

        if (!StaleJudgements.InsertMakesNothingStale(typeof(T)))
        {
            throw new InvalidOperationException($"Inserting {typeof(T).Name} makes stored compliance judgements stale: save it with SaveChangesAsync.");
        }

        return Database.IsSqlite() ? SqliteBulkInsert.InsertAsync(this, records, StampFor(), cancellationToken) : SaveAllAsync(records, cancellationToken);
    }

    private async Task SaveAllAsync<T>(IReadOnlyList<T> records, CancellationToken cancellationToken)
        where T : class
    {
        Set<T>().AddRange(records);
        await SaveChangesAsync(cancellationToken);
        foreach (var record in records)
        {
            Entry(record).State = EntityState.Detached;
        }
    }

    /// <summary>When and by whom a record created now is saved (<see cref="IVersioned"/>), as <see cref="RecordVersions.Stamp"/> writes it.</summary>
    private (DateTime AtUtc, string UserName) StampFor() =>
        ((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, currentUser?.IsAuthenticated == true ? currentUser.UserName ?? "" : "(system)");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        RecordVersions.Configure(builder);
    }
}

public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : AppDbContext(options, currentUser, clock)
{
    // The app's connections may write the guarded tables; any other connection is refused (SqliteWriteGuard). Each waits
    // for another's write in SQLite's busy handler, not in 150 ms sleeps (SqliteBusyTimeout).
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(Auditing.SqliteWriteGuard.Interceptor, SqliteBusyTimeout.Interceptor);
}

public sealed class SqlServerDbContext(DbContextOptions<SqlServerDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : AppDbContext(options, currentUser, clock);
