using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Data.Compliance;

/// <summary>
/// Notes which stored judgements (<see cref="UnitYearCompliance"/>, docs/decisions/0022) a save makes stale, as
/// <see cref="ComplianceChange"/> rows added to that save: written in its transaction whatever it is (its own, the audit's,
/// the caller's), visible exactly when the changes are. Captured from the tracked changes before the save (old values are
/// still known), like the audit entries and the record versions. Only what <see cref="ComplianceComputation"/> reads counts:
/// activities by unit, kind and date (who attended is not read), postings and the leaders' rank (art. 2 scope),
/// organizations and their cadres, rule registers and areas marked not applicable, checklists by status, rectification
/// orders, the units' kind, life and place in the tree, and the regulation catalogue (areas and frequencies: every row).
/// </summary>
internal static class StaleJudgements
{
    /// <summary>The properties the rules read, per entity type; a change to any other leaves the judgements as they are.</summary>
    private static readonly Dictionary<Type, string[]> Read = new()
    {
        [typeof(Activity)] = [nameof(Activity.UnitId), nameof(Activity.Kind), nameof(Activity.Date)],
        [typeof(Posting)] = [nameof(Posting.UnitId), nameof(Posting.LeaderId), nameof(Posting.From), nameof(Posting.To)],
        [typeof(Leader)] = [nameof(Leader.Rank)],
        [typeof(SecrecyOrganization)] = [nameof(SecrecyOrganization.UnitId), nameof(SecrecyOrganization.EstablishedOn)],
        [typeof(SecrecyCadre)] = [nameof(SecrecyCadre.SecrecyOrganizationId), nameof(SecrecyCadre.IsFullTime)],
        [typeof(RuleRegisterEntry)] = [nameof(RuleRegisterEntry.UnitId), nameof(RuleRegisterEntry.RuleAreaId), nameof(RuleRegisterEntry.AdoptedOn)],
        [typeof(RuleAreaExemption)] = [nameof(RuleAreaExemption.UnitId), nameof(RuleAreaExemption.RuleAreaId)],
        [typeof(DutyChecklist)] = [nameof(DutyChecklist.UnitId), nameof(DutyChecklist.Year), nameof(DutyChecklist.Status), nameof(DutyChecklist.PostingId)],
        [typeof(RectificationOrder)] = [nameof(RectificationOrder.UnitId), nameof(RectificationOrder.Deadline), nameof(RectificationOrder.Status)],
        [typeof(Regulation)] = [nameof(Regulation.Code), nameof(Regulation.IsCurrent)],
        [typeof(RuleArea)] = [nameof(RuleArea.RegulationId), nameof(RuleArea.Code), nameof(RuleArea.SortOrder)],
        [typeof(DutyItem)] = [nameof(DutyItem.RegulationId), nameof(DutyItem.Code), nameof(DutyItem.MinimumPerYear), nameof(DutyItem.ExpectedPerYear), nameof(DutyItem.ExpectedPeriodsPerYear)],
    };

    // A unit's own judgement reads its kind (art. 2 scope of its postings) and its life; its place in the tree is the key
    // of every unit below it too.
    private static readonly string[] UnitSelf = [nameof(Unit.Kind), nameof(Unit.IsLargeOrMediumEnterprise)];
    private static readonly string[] UnitLife = [nameof(Unit.EstablishedOn), nameof(Unit.ClosedOn), nameof(Unit.IsActive)];
    private static readonly string[] UnitPlace = [nameof(Unit.ParentId), nameof(Unit.Code)];

    internal sealed class Marks
    {
        public HashSet<int> Units { get; } = [];

        /// <summary>Units whose judgements and those of every unit below them are stale.</summary>
        public HashSet<int> Subtrees { get; } = [];

        public HashSet<int> Organizations { get; } = [];

        public HashSet<int> Leaders { get; } = [];

        /// <summary>The catalogue changed: every judgement is stale.</summary>
        public bool All { get; set; }

        /// <summary>A unit was set up or its life changed: the covered years may lack its rows.</summary>
        public bool Uncover { get; set; }

        public bool Any => All || Uncover || Units.Count > 0 || Subtrees.Count > 0 || Organizations.Count > 0 || Leaders.Count > 0;
    }

    /// <summary>
    /// Whether inserting records of <paramref name="type"/> leaves every stored judgement fresh: a closure row is not read,
    /// and a new leader holds no posting yet (its rank is read through its postings).
    /// </summary>
    public static bool InsertMakesNothingStale(Type type) => type == typeof(Leader) || type == typeof(UnitAncestry);

    public static Marks Capture(ChangeTracker tracker)
    {
        var marks = new Marks();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Unit:
                    CaptureUnit(entry, marks);
                    break;
                case DutyChecklist when entry.State != EntityState.Modified && !Counted(entry):
                    break;
                case Regulation or RuleArea or DutyItem when Changed(entry):
                    marks.All = true;
                    break;
                case Leader when Changed(entry):
                    Add(marks.Leaders, entry, "Id");
                    break;
                case SecrecyCadre when Changed(entry):
                    Add(marks.Organizations, entry, nameof(SecrecyCadre.SecrecyOrganizationId));
                    break;
                case var entity when Read.ContainsKey(entity.GetType()) && Changed(entry):
                    Add(marks.Units, entry, "UnitId");
                    break;
            }
        }

        return marks;
    }

    /// <summary>
    /// Adds to the save the notes of what it makes stale: one per unit (the units below a moved or recoded unit, those of an
    /// organization whose cadres changed and those where a leader whose rank changed holds postings are looked up first),
    /// and one for the catalogue or the units' life. Returns the notes added (none for most saves).
    /// </summary>
    public static async Task<List<ComplianceChange>> NoteAsync(AppDbContext db, bool async, CancellationToken cancellationToken)
    {
        var marks = Capture(db.ChangeTracker);
        if (!marks.Any)
        {
            return [];
        }

        var units = new HashSet<int>(marks.Units);
        if (marks.Subtrees.Count > 0)
        {
            var subtrees = marks.Subtrees.ToList();
            var below = db.UnitAncestries.Where(a => EF.Parameter(subtrees).Contains(a.AncestorId)).Select(a => a.DescendantId);
            units.UnionWith(async ? await below.ToListAsync(cancellationToken) : [.. below]);
        }

        if (marks.Organizations.Count > 0)
        {
            var organizations = marks.Organizations.ToList();
            var owners = db.SecrecyOrganizations.Where(o => EF.Parameter(organizations).Contains(o.Id)).Select(o => o.UnitId);
            units.UnionWith(async ? await owners.ToListAsync(cancellationToken) : [.. owners]);
        }

        if (marks.Leaders.Count > 0)
        {
            var leaders = marks.Leaders.ToList();
            var postedIn = db.Postings.Where(p => EF.Parameter(leaders).Contains(p.LeaderId)).Select(p => p.UnitId);
            units.UnionWith(async ? await postedIn.ToListAsync(cancellationToken) : [.. postedIn]);
        }

        List<ComplianceChange> notes = marks.All || marks.Uncover
            ? [new ComplianceChange { Everything = marks.All, Uncovers = marks.Uncover }]
            : [];
        if (!marks.All)
        {
            notes.AddRange(units.Order().Select(id => new ComplianceChange { UnitId = id }));
        }

        db.ComplianceChanges.AddRange(notes);
        return notes;
    }

    private static void CaptureUnit(EntityEntry entry, Marks marks)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                // No row yet: the years covered are looked at again.
                marks.Uncover = true;
                break;
            case EntityState.Deleted:
                // Its rows go with it (cascade).
                break;
            default:
                var id = (int)entry.Property(nameof(Unit.Id)).CurrentValue!;
                if (Changed(entry, UnitPlace))
                {
                    marks.Subtrees.Add(id);
                }

                if (Changed(entry, UnitLife))
                {
                    marks.Units.Add(id);
                    marks.Uncover = true;
                }

                if (Changed(entry, UnitSelf))
                {
                    marks.Units.Add(id);
                }

                break;
        }
    }

    /// <summary>A checklist added or removed counts only as submitted or reviewed (art. 9: those are what is counted).</summary>
    private static bool Counted(EntityEntry entry)
    {
        var status = entry.Property(nameof(DutyChecklist.Status));
        var value = (ChecklistStatus)(entry.State == EntityState.Deleted ? status.OriginalValue : status.CurrentValue)!;
        return value is ChecklistStatus.Submitted or ChecklistStatus.Reviewed;
    }

    private static bool Changed(EntityEntry entry) => entry.State != EntityState.Modified || Changed(entry, Read[entry.Entity.GetType()]);

    private static bool Changed(EntityEntry entry, string[] properties) =>
        properties.Any(name => entry.Property(name) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue));

    /// <summary>The value of <paramref name="property"/> before the save and, when it changed, after it (a record moved to another unit).</summary>
    private static void Add(HashSet<int> ids, EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        if (p.IsTemporary)
        {
            // The key of a unit, organization or leader added in this save: nothing stored refers to it yet.
            return;
        }

        if (entry.State != EntityState.Added && p.OriginalValue is int before)
        {
            ids.Add(before);
        }

        if (entry.State != EntityState.Deleted && p.CurrentValue is int after)
        {
            ids.Add(after);
        }
    }
}
