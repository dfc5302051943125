using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace SecrecyDuty.Core.Compliance;

/// <summary>
/// The stored judgement of one unit for one year (issue 10, docs/decisions/0022): each requirement's state as
/// <see cref="ComplianceRules"/> gave it, and the counts the trends add up, so that the dashboard and the heat map count
/// and page in SQL over one small row per unit instead of judging every unit on every request. Derived data, not a record:
/// written by <see cref="ComplianceJudgementService"/> only, never audited, and judged again whenever it is stale.
/// </summary>
public class UnitYearCompliance
{
    public int UnitId { get; set; }

    public int Year { get; set; }

    /// <summary>The unit's place in the unit tree (<see cref="TreeKey"/>): ordering by it gives the tree order.</summary>
    public string TreeKey { get; set; } = "";

    /// <summary>
    /// The day the row was judged for; null when a change to what the rules read marked it stale. A row judged for
    /// another day is stale too, unless its year was already over then (nothing of a past year changes with the date).
    /// </summary>
    public DateOnly? JudgedFor { get; set; }

    /// <summary>
    /// Raised by every change that marks the row stale: a judgement computed from what was read before such a change is
    /// written only while the row still has the generation read with it (a concurrency token).
    /// </summary>
    public int Generation { get; set; }

    public ComplianceState Briefings { get; set; } = ComplianceState.NotJudged;

    public ComplianceState BriefingPractice { get; set; } = ComplianceState.NotJudged;

    public ComplianceState MemberMeetings { get; set; } = ComplianceState.NotJudged;

    public ComplianceState SecrecyOrganization { get; set; } = ComplianceState.NotJudged;

    public ComplianceState RuleRegister { get; set; } = ComplianceState.NotJudged;

    public ComplianceState Education { get; set; } = ComplianceState.NotJudged;

    public ComplianceState Checklists { get; set; } = ComplianceState.NotJudged;

    public ComplianceState RectificationOrders { get; set; } = ComplianceState.NotJudged;

    /// <summary><see cref="UnitCompliance.IsCompliant"/>.</summary>
    public bool IsCompliant { get; set; }

    /// <summary>How many requirements are missing, partly met (the overdue items) and not yet due.</summary>
    public int Missing { get; set; }

    public int PartlyMet { get; set; }

    public int NotYetDue { get; set; }

    /// <summary>The activities the trends add up: reports heard (P5.3), member meetings (S6.5), trainings (S6.3).</summary>
    public int BriefingCount { get; set; }

    public int MemberMeetingCount { get; set; }

    public int TrainingCount { get; set; }

    /// <summary>The column of <paramref name="requirement"/>'s state, for queries.</summary>
    public static Expression<Func<UnitYearCompliance, ComplianceState>> StateOf(Requirement requirement) => requirement switch
    {
        Requirement.Briefings => r => r.Briefings,
        Requirement.BriefingPractice => r => r.BriefingPractice,
        Requirement.MemberMeetings => r => r.MemberMeetings,
        Requirement.SecrecyOrganization => r => r.SecrecyOrganization,
        Requirement.RuleRegister => r => r.RuleRegister,
        Requirement.Education => r => r.Education,
        Requirement.Checklists => r => r.Checklists,
        Requirement.RectificationOrders => r => r.RectificationOrders,
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, null),
    };

    /// <summary>Takes the judgement of <paramref name="row"/>, made for <paramref name="today"/>.</summary>
    public void Take(UnitCompliance row, string treeKey, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        TreeKey = treeKey;
        JudgedFor = today;
        Briefings = row[Requirement.Briefings].State;
        BriefingPractice = row[Requirement.BriefingPractice].State;
        MemberMeetings = row[Requirement.MemberMeetings].State;
        SecrecyOrganization = row[Requirement.SecrecyOrganization].State;
        RuleRegister = row[Requirement.RuleRegister].State;
        Education = row[Requirement.Education].State;
        Checklists = row[Requirement.Checklists].State;
        RectificationOrders = row[Requirement.RectificationOrders].State;
        IsCompliant = row.IsCompliant;
        Missing = row.Results.Count(r => r.State == ComplianceState.Missing);
        PartlyMet = row.Results.Count(r => r.State == ComplianceState.PartlyMet);
        NotYetDue = row.Results.Count(r => r.State == ComplianceState.NotYetDue);
        BriefingCount = row.Counts.Briefings;
        MemberMeetingCount = row.Counts.MemberMeetings;
        TrainingCount = row.Counts.Trainings;
    }

    /// <summary>
    /// Marks <paramref name="rows"/> stale in one statement: for a write that changes what the rules read without going
    /// through the context's save (which notes its own changes, <see cref="ComplianceChange"/>), and for applying the notes.
    /// </summary>
    public static Task<int> MarkStaleAsync(IQueryable<UnitYearCompliance> rows, CancellationToken cancellationToken = default) =>
        rows.ExecuteUpdateAsync(s => s.SetProperty(r => r.JudgedFor, (DateOnly?)null).SetProperty(r => r.Generation, r => r.Generation + 1), cancellationToken);
}

/// <summary>
/// A save's note that stored judgements are stale (docs/decisions/0022): written by the save that changes what the rules
/// read, as one of its own rows (so in its transaction, whatever that is), and applied to the judgements by the next read
/// or refresh before it trusts any of them (<see cref="ComplianceJudgementService"/>), then removed.
/// </summary>
public class ComplianceChange
{
    public long Id { get; set; }

    /// <summary>The unit whose judgements of every year are stale; null for a change that is not one unit's.</summary>
    public int? UnitId { get; set; }

    /// <summary>The regulation catalogue changed (areas, frequencies): every judgement is stale.</summary>
    public bool Everything { get; set; }

    /// <summary>A unit was set up or its life changed: the covered years are looked at again for units without a row.</summary>
    public bool Uncovers { get; set; }
}

/// <summary>
/// A year whose stored judgements exist for every unit that existed in it (rows may still be stale). Deleted when a unit
/// is set up or its life changes, so that the next read looks for the units without a row again.
/// </summary>
public class ComplianceCoverage
{
    public int Year { get; set; }

    public DateTime CoveredAtUtc { get; set; }

    /// <summary>
    /// Changed whenever a row of the year is written (added, judged, removed) or saves' notes are applied: figures counted
    /// over the year's rows are kept in memory under it until it changes (<see cref="ComplianceFigures"/>).
    /// </summary>
    public Guid Revision { get; set; }
}
