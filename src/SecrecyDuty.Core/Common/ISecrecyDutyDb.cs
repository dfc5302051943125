using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Checklists;
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

namespace SecrecyDuty.Core.Common;

/// <summary>
/// The tables services query and change, through EF Core directly (LINQ, projections, change tracking).
/// Not a repository: it only lets Core's services see the Data project's DbContext without a project
/// cycle (docs/decisions/0002-services-use-ef-core.md).
/// </summary>
public interface ISecrecyDutyDb
{
    DbSet<Unit> Units { get; }

    DbSet<UnitAncestry> UnitAncestries { get; }

    DbSet<Regulation> Regulations { get; }

    DbSet<RegulationArticle> RegulationArticles { get; }

    DbSet<DutyItem> DutyItems { get; }

    DbSet<RuleArea> RuleAreas { get; }

    DbSet<DeficiencyCategory> DeficiencyCategories { get; }

    DbSet<SanctionRule> SanctionRules { get; }

    DbSet<Leader> Leaders { get; }

    DbSet<Posting> Postings { get; }

    DbSet<SecrecyOrganization> SecrecyOrganizations { get; }

    DbSet<SecrecyOrganizationMember> SecrecyOrganizationMembers { get; }

    DbSet<SecrecyCadre> SecrecyCadres { get; }

    DbSet<RuleRegisterEntry> RuleRegisterEntries { get; }

    DbSet<RuleAreaExemption> RuleAreaExemptions { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Activity> Activities { get; }

    DbSet<ActivityAttendance> ActivityAttendances { get; }

    DbSet<EvidenceFile> EvidenceFiles { get; }

    DbSet<EvidenceContent> EvidenceContents { get; }

    DbSet<DutyChecklist> DutyChecklists { get; }

    DbSet<DutyChecklistItem> DutyChecklistItems { get; }

    DbSet<Appraisal> Appraisals { get; }

    DbSet<Inspection> Inspections { get; }

    DbSet<InspectionInspector> InspectionInspectors { get; }

    DbSet<Finding> Findings { get; }

    DbSet<FindingPosting> FindingPostings { get; }

    DbSet<RectificationOrder> RectificationOrders { get; }

    DbSet<RectificationTransition> RectificationTransitions { get; }

    DbSet<ScoreTemplate> ScoreTemplates { get; }

    DbSet<ScoreTemplateGrade> ScoreTemplateGrades { get; }

    DbSet<ScoreTemplateCategory> ScoreTemplateCategories { get; }

    DbSet<ScoreTemplateItem> ScoreTemplateItems { get; }

    DbSet<ScoreSheet> ScoreSheets { get; }

    DbSet<ScoreSheetEntry> ScoreSheetEntries { get; }

    DbSet<Proposal> Proposals { get; }

    DbSet<Commendation> Commendations { get; }

    DbSet<Incident> Incidents { get; }

    DbSet<IncidentPerson> IncidentPersons { get; }

    DbSet<IncidentTransition> IncidentTransitions { get; }

    DbSet<IncidentGrant> IncidentGrants { get; }

    DbSet<IncidentOpening> IncidentOpenings { get; }

    DbSet<IncidentFinding> IncidentFindings { get; }

    DbSet<SanctionDecision> SanctionDecisions { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<ImportRun> ImportRuns { get; }

    /// <summary>The stored judgements per unit and year (derived, docs/decisions/0022) and the years they cover.</summary>
    DbSet<UnitYearCompliance> UnitYearCompliances { get; }

    DbSet<ComplianceCoverage> ComplianceCoverages { get; }

    DbSet<ComplianceChange> ComplianceChanges { get; }

    DbSet<AppUser> Users { get; }

    DbSet<IdentityRole> Roles { get; }

    DbSet<IdentityUserRole<string>> UserRoles { get; }

    /// <summary>For the rare command that spans Identity's own saves and ours (one transaction).</summary>
    DatabaseFacade Database { get; }

    /// <summary>
    /// On (the default), every create, update and deactivation of an audited record writes its own audit
    /// entry. A bulk import turns it off and writes one Import entry for the batch instead.
    /// </summary>
    bool AuditEachRecord { get; set; }

    /// <summary>
    /// EF Core's change tracker. A bulk write (the import) turns off change detection while it adds what is all new,
    /// and clears what it added when the save fails.
    /// </summary>
    ChangeTracker ChangeTracker { get; }

    /// <summary>
    /// The next save writes <paramref name="record"/> only while its stored version is still <paramref name="version"/>, and
    /// raises it even when only rows below it changed (<see cref="VersionedSaves"/>). Applied when the save runs, so that a
    /// save made by a library (Identity's, which re-attaches the account first) carries it too.
    /// </summary>
    void ExpectVersion(IVersioned record, int version);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts new records, in the current transaction or one of its own, without tracking them: generated keys are set on
    /// the objects and versions stamped, as a save would. For bulk writes only (the import), with
    /// <see cref="AuditEachRecord"/> off, and only of records whose insertion makes no stored compliance judgement stale
    /// (leaders, closure rows). On SQLite one prepared <c>INSERT</c> is reused for every record (EF Core's save prepares
    /// one per record: most of a 50,000-leader import's time); on SQL Server it is EF Core's save, which batches.
    /// A key already taken fails with <see cref="DbUpdateException"/>, as a save does.
    /// </summary>
    Task InsertAsync<T>(IReadOnlyList<T> records, CancellationToken cancellationToken = default)
        where T : class;
}
