using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using K = SecrecyDuty.Core.Import.ImportLayout.Keys;

namespace SecrecyDuty.Core.Import;

/// <summary>A unit the database holds under a code the file uses; <see cref="InJurisdiction"/> of the importing account.</summary>
public sealed record ExistingUnit(int Id, string Code, bool InJurisdiction, bool IsActive);

/// <summary>A leader the database holds under a staff number the file uses.</summary>
public sealed record ExistingLeader(int Id, string StaffNumber, bool InJurisdiction, bool IsActive);

/// <summary>A closure-table row of an existing unit (see docs/decisions/0003-unit-tree-closure-table.md).</summary>
public sealed record ExistingAncestor(int DescendantId, int AncestorId, int Depth);

/// <summary>What the database holds that the file refers to, loaded by a few set-based queries.</summary>
public sealed class ImportExisting(
    IEnumerable<ExistingUnit> units,
    IEnumerable<ExistingAncestor> ancestries,
    IEnumerable<ExistingLeader> leaders,
    IEnumerable<PostingPeriod> postings)
{
    public static ImportExisting None { get; } = new([], [], [], []);

    public IReadOnlyDictionary<string, ExistingUnit> Units { get; } = units.ToDictionary(u => u.Code, StringComparer.Ordinal);

    public ILookup<int, ExistingAncestor> Ancestries { get; } = ancestries.ToLookup(a => a.DescendantId);

    public IReadOnlyDictionary<string, ExistingLeader> Leaders { get; } = leaders.ToDictionary(l => l.StaffNumber, StringComparer.Ordinal);

    /// <summary>The postings of the existing units the file's postings name, by unit.</summary>
    public ILookup<int, PostingPeriod> PostingsByUnit { get; } = postings.ToLookup(p => p.UnitId);
}

/// <summary>A reference from a row to a unit or leader: one already in the database (by id) or a row of the file (by index in its sheet).</summary>
public readonly record struct ImportRef(int Id, bool InFile)
{
    public static ImportRef Existing(int id) => new(id, false);

    public static ImportRef File(int index) => new(index, true);

    /// <summary>One integer key for both kinds, for <see cref="PostingRules"/>: database ids are positive, file rows negative.</summary>
    public int Key => InFile ? -(Id + 1) : Id;
}

/// <summary>A closure-table row to write: the file's unit <see cref="Descendant"/> under <see cref="Ancestor"/> at <see cref="Depth"/>.</summary>
public readonly record struct PlannedAncestry(int Descendant, ImportRef Ancestor, int Depth);

/// <summary>How the rows of a file without problems are written: what each row refers to, and the units parents first.</summary>
public sealed class ImportPlan
{
    internal ImportPlan(int units, int leaders, int postings)
    {
        UnitParents = new ImportRef?[units];
        LeaderUnits = new ImportRef?[leaders];
        PostingLeaders = new ImportRef?[postings];
        PostingUnits = new ImportRef?[postings];
        AncestryStart = new int[units];
        AncestryCount = new int[units];
    }

    public ImportRef?[] UnitParents { get; }

    public ImportRef?[] LeaderUnits { get; }

    public ImportRef?[] PostingLeaders { get; }

    public ImportRef?[] PostingUnits { get; }

    /// <summary>The file's units, each after its parent when the parent is in the file too.</summary>
    public List<int> UnitOrder { get; } = [];

    /// <summary>Every closure-table row of the file's units, computed from the parents' ancestry without a query per unit.</summary>
    public List<PlannedAncestry> Ancestries { get; } = [];

    /// <summary>Where each placed unit's rows start in <see cref="Ancestries"/> (they are contiguous), and how many there are.</summary>
    internal int[] AncestryStart { get; }

    internal int[] AncestryCount { get; }
}

/// <summary>
/// The rules between rows and with the database, set-based: each row is checked against dictionaries of
/// the file's rows and of what <see cref="ImportExisting"/> loaded, never by a query of its own. Every
/// problem of every row is reported; a row whose reference is already wrong is not blamed again for
/// what follows from it.
/// </summary>
public static class ImportChecks
{
    public static ImportPlan Run(ImportBatch batch, ImportExisting existing, IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(l);
        var plan = new ImportPlan(batch.Units.Count, batch.Leaders.Count, batch.Postings.Count);
        var context = new Context(batch, existing, l);
        CheckUnits(context, plan);
        CheckLeaders(context, plan);
        CheckPostings(context, plan);
        return plan;
    }

    private sealed class Context
    {
        public Context(ImportBatch batch, ImportExisting existing, IStringLocalizer<Messages> l)
        {
            Batch = batch;
            Existing = existing;
            L = l;
            // A code or staff number the database holds already stays the database's: rows that refer to it
            // mean the existing record, and only the row that repeats it is reported.
            for (var i = 0; i < batch.Units.Count; i++)
            {
                var code = batch.Units[i].Code;
                if (code.Length > 0 && FirstUnitRow.TryAdd(code, i) && !existing.Units.ContainsKey(code))
                {
                    FileUnits.Add(code, i);
                }
            }

            for (var i = 0; i < batch.Leaders.Count; i++)
            {
                var number = batch.Leaders[i].StaffNumber;
                if (number.Length > 0 && FirstLeaderRow.TryAdd(number, i) && !existing.Leaders.ContainsKey(number))
                {
                    FileLeaders.Add(number, i);
                }
            }
        }

        public ImportBatch Batch { get; }

        public ImportExisting Existing { get; }

        public IStringLocalizer<Messages> L { get; }

        /// <summary>The first row of each unit code in the file.</summary>
        public Dictionary<string, int> FirstUnitRow { get; } = new(StringComparer.Ordinal);

        /// <summary>The first row of each staff number in the file.</summary>
        public Dictionary<string, int> FirstLeaderRow { get; } = new(StringComparer.Ordinal);

        /// <summary>The units the file adds, by code: the first row of each code the database does not hold.</summary>
        public Dictionary<string, int> FileUnits { get; } = new(StringComparer.Ordinal);

        /// <summary>The leaders the file adds, by staff number.</summary>
        public Dictionary<string, int> FileLeaders { get; } = new(StringComparer.Ordinal);

        public void Report(ImportSheet sheet, int row, string key, string reason) =>
            Batch.Errors.Add(Batch.Error(sheet, row, key, reason));

        /// <summary>
        /// A unit of the file, or an active unit of the database within the jurisdiction. A unit outside the
        /// jurisdiction is reported exactly like a missing one: nothing about it is revealed.
        /// </summary>
        public ImportRef? Unit(ImportSheet sheet, int row, string key, string code)
        {
            if (code.Length == 0)
            {
                return null;
            }

            if (FileUnits.TryGetValue(code, out var index))
            {
                return ImportRef.File(index);
            }

            if (Existing.Units.TryGetValue(code, out var unit) && unit.InJurisdiction)
            {
                if (unit.IsActive)
                {
                    return ImportRef.Existing(unit.Id);
                }

                Report(sheet, row, key, L["The unit {0} is deactivated. Choose an active unit.", code]);
                return null;
            }

            Report(sheet, row, key, L["Unit code {0} not found or not in your jurisdiction. Use the code of a unit in your jurisdiction or of a unit in this file.", code]);
            return null;
        }
    }

    private static void CheckUnits(Context c, ImportPlan plan)
    {
        var units = c.Batch.Units;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Code.Length > 0)
            {
                var first = c.FirstUnitRow[unit.Code];
                if (first != i)
                {
                    c.Report(ImportSheet.Units, unit.Row, K.Code, c.L["The code {0} is already used in row {1}. Give each unit its own code.", unit.Code, units[first].Row]);
                }
                else if (c.Existing.Units.ContainsKey(unit.Code))
                {
                    c.Report(ImportSheet.Units, unit.Row, K.Code, c.L["The code {0} cannot be given to a new unit. Give the new unit another code.", unit.Code]);
                }
            }

            plan.UnitParents[i] = c.Unit(ImportSheet.Units, unit.Row, K.ParentCode, unit.ParentCode);
        }

        OrderUnits(c, plan);
    }

    /// <summary>
    /// Follows each unit's parents through the file until a unit of the database: parents come first in
    /// <see cref="ImportPlan.UnitOrder"/>, and parents that lead back to the unit itself are a cycle.
    /// </summary>
    private static void OrderUnits(Context c, ImportPlan plan)
    {
        var units = c.Batch.Units;
        var state = new byte[units.Count]; // 0 not seen, 1 on the current path, 2 placed (or hopeless)
        var placed = new bool[units.Count];
        var path = new List<int>();
        for (var start = 0; start < units.Count; start++)
        {
            path.Clear();
            var current = start;
            while (state[current] == 0)
            {
                state[current] = 1;
                path.Add(current);
                if (plan.UnitParents[current] is not { InFile: true } parent)
                {
                    break;
                }

                current = parent.Id;
            }

            if (state[current] == 1 && plan.UnitParents[current] is { InFile: true })
            {
                // The walk came back to a unit on its own path: from there on, the path is a cycle.
                var cycle = path.Skip(path.IndexOf(current)).ToList();
                var codes = string.Join(" → ", cycle.Append(cycle[0]).Select(i => units[i].Code));
                foreach (var member in cycle)
                {
                    c.Report(ImportSheet.Units, units[member].Row, K.ParentCode, c.L["The parent codes form a cycle ({0}). Give one of these units a parent outside the cycle.", codes]);
                }
            }

            // Place the path from its top down; a unit below a cycle or a missing parent is not placed.
            for (var p = path.Count - 1; p >= 0; p--)
            {
                var index = path[p];
                state[index] = 2;
                if (plan.UnitParents[index] is { } parent && (!parent.InFile || placed[parent.Id]))
                {
                    placed[index] = true;
                    plan.UnitOrder.Add(index);
                    AddAncestry(c, plan, index, parent);
                }
            }
        }
    }

    private static void AddAncestry(Context c, ImportPlan plan, int index, ImportRef parent)
    {
        plan.AncestryStart[index] = plan.Ancestries.Count;
        plan.Ancestries.Add(new PlannedAncestry(index, ImportRef.File(index), 0));
        if (parent.InFile)
        {
            // The parent was placed before: its rows are in the plan already, one after another.
            var start = plan.AncestryStart[parent.Id];
            for (var r = start; r < start + plan.AncestryCount[parent.Id]; r++)
            {
                var row = plan.Ancestries[r];
                plan.Ancestries.Add(new PlannedAncestry(index, row.Ancestor, row.Depth + 1));
            }
        }
        else
        {
            foreach (var row in c.Existing.Ancestries[parent.Id])
            {
                plan.Ancestries.Add(new PlannedAncestry(index, ImportRef.Existing(row.AncestorId), row.Depth + 1));
            }
        }

        plan.AncestryCount[index] = plan.Ancestries.Count - plan.AncestryStart[index];
    }

    private static void CheckLeaders(Context c, ImportPlan plan)
    {
        var leaders = c.Batch.Leaders;
        for (var i = 0; i < leaders.Count; i++)
        {
            var leader = leaders[i];
            if (leader.StaffNumber.Length > 0)
            {
                var first = c.FirstLeaderRow[leader.StaffNumber];
                if (first != i)
                {
                    c.Report(ImportSheet.Leaders, leader.Row, K.StaffNumber, c.L["The staff number {0} is already used in row {1}. Give each leader their own staff number.", leader.StaffNumber, leaders[first].Row]);
                }
                else if (c.Existing.Leaders.ContainsKey(leader.StaffNumber))
                {
                    c.Report(ImportSheet.Leaders, leader.Row, K.StaffNumber, c.L["The staff number {0} cannot be given to a new leader. Give the new leader another staff number.", leader.StaffNumber]);
                }
            }

            plan.LeaderUnits[i] = c.Unit(ImportSheet.Leaders, leader.Row, K.UnitCode, leader.UnitCode);
        }
    }

    private static void CheckPostings(Context c, ImportPlan plan)
    {
        var postings = c.Batch.Postings;

        // Each posting is checked against the database's postings of its unit and the file's earlier ones,
        // so that the report points at the row that breaks a rule (arts. 5–6), not at all rows involved.
        var accepted = new Dictionary<int, List<PostingPeriod>>();
        for (var i = 0; i < postings.Count; i++)
        {
            var posting = postings[i];
            var leader = Leader(c, posting);
            var unit = c.Unit(ImportSheet.Postings, posting.Row, K.UnitCode, posting.UnitCode);
            plan.PostingLeaders[i] = leader;
            plan.PostingUnits[i] = unit;
            if (leader is null || unit is null || posting.Role is not { } role || !posting.PeriodValid)
            {
                continue;
            }

            var candidate = new PostingPeriod(-(i + 1), leader.Value.Key, unit.Value.Key, role, posting.From!.Value, posting.To, posting.LeadsSecrecyWork);
            var sameUnit = accepted.TryGetValue(candidate.UnitId, out var list) ? list : [];
            var others = unit.Value.InFile ? sameUnit : c.Existing.PostingsByUnit[unit.Value.Id].Concat(sameUnit);
            var problems = PostingRules.Check(candidate, others);
            foreach (var problem in problems)
            {
                var (key, reason) = problem switch
                {
                    PostingProblem.OverlapsSameLeaderAndUnit => (K.From, c.L["This leader already holds a posting in this role in unit {0} during this period. Correct the dates or the role.", posting.UnitCode]),
                    PostingProblem.TooManyPrincipalLeaders => (K.Role, c.L["Unit {0} would have more than two principal leaders on one date. Correct the role or the dates.", posting.UnitCode]),
                    PostingProblem.TooManySecrecyLeaders when role != PostingRole.SecrecyLeader =>
                        (K.LeadsSecrecyWork, c.L["Unit {0} would have more than one leader in charge of secrecy work on one date. Enter 否 here, or correct the dates.", posting.UnitCode]),
                    PostingProblem.TooManySecrecyLeaders => (K.Role, c.L["Unit {0} would have more than one leader in charge of secrecy work on one date. Correct the role or the dates.", posting.UnitCode]),
                    _ => (K.To, c.L["Enter an end date on or after the start date."]),
                };
                c.Report(ImportSheet.Postings, posting.Row, key, reason);
            }

            if (problems.Count == 0)
            {
                if (list is null)
                {
                    accepted[candidate.UnitId] = list = [];
                }

                list.Add(candidate);
            }
        }
    }

    /// <summary>A leader of the file, or an active one of the database whose record is kept within the jurisdiction.</summary>
    private static ImportRef? Leader(Context c, PostingImportRow posting)
    {
        var number = posting.StaffNumber;
        if (number.Length == 0)
        {
            return null;
        }

        if (c.FileLeaders.TryGetValue(number, out var index))
        {
            return ImportRef.File(index);
        }

        if (c.Existing.Leaders.TryGetValue(number, out var leader) && leader.InJurisdiction && leader.IsActive)
        {
            return ImportRef.Existing(leader.Id);
        }

        c.Report(ImportSheet.Postings, posting.Row, K.StaffNumber, c.L["Staff number {0} not found or not in your jurisdiction. Use the staff number of a leader in your jurisdiction or of a leader in this file.", number]);
        return null;
    }
}
