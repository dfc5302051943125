using SecrecyDuty.Core.Import;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Tests.Shared;

namespace SecrecyDuty.Core.Tests.Import;

/// <summary>The rules between the rows of a file and with what the database holds.</summary>
public sealed class ImportChecksTests
{
    private static readonly PassThroughLocalizer L = new();

    /// <summary>ROOT (1) in jurisdiction, below the province PROV (9) which is outside it; OTHER (5) outside; OLD (6) deactivated.</summary>
    private static ImportExisting Database(IEnumerable<ExistingLeader>? leaders = null, IEnumerable<PostingPeriod>? postings = null) => new(
        [new ExistingUnit(1, "ROOT", true, true), new ExistingUnit(5, "OTHER", false, true), new ExistingUnit(6, "OLD", true, false), new ExistingUnit(9, "PROV", false, true)],
        [new ExistingAncestor(1, 1, 0), new ExistingAncestor(1, 9, 1), new ExistingAncestor(6, 6, 0), new ExistingAncestor(6, 1, 1), new ExistingAncestor(6, 9, 2)],
        leaders ?? [],
        postings ?? []);

    private static (ImportBatch Batch, ImportPlan Plan) Check(ImportFileBuilder file, ImportExisting? existing = null)
    {
        var batch = ImportBatch.Parse(ImportFileReader.Read(file.ToXlsx(), ImportFileFormat.Xlsx, null, L), L, new DateOnly(2026, 11, 27));
        var plan = ImportChecks.Run(batch, existing ?? Database(), L);
        return (batch, plan);
    }

    private static List<(ImportSheet, int, string)> Problems(ImportBatch batch) =>
        [.. batch.Errors.Select(e => (e.Sheet!.Value, e.Row!.Value, e.Column))];

    [Fact]
    public void A_good_file_has_no_problem_and_a_complete_plan()
    {
        var (batch, plan) = Check(new ImportFileBuilder()
            .Unit("A")
            .Leader("L1", "A")
            .Posting("L1", "A", role: "主要领导"));

        Assert.Empty(batch.Errors);
        Assert.Equal([0], plan.UnitOrder);
        Assert.Equal(ImportRef.Existing(1), plan.UnitParents[0]);
        Assert.Equal(ImportRef.File(0), plan.LeaderUnits[0]);
        Assert.Equal(ImportRef.File(0), plan.PostingLeaders[0]);
        Assert.Equal(ImportRef.File(0), plan.PostingUnits[0]);
    }

    [Fact]
    public void A_unit_code_used_twice_in_the_file_is_reported_on_the_second_row()
    {
        var (batch, _) = Check(new ImportFileBuilder().Unit("A").Unit("B").Unit("A"));

        var error = Assert.Single(batch.Errors);
        Assert.Equal((ImportSheet.Units, 4, "单位代码"), (error.Sheet!.Value, error.Row!.Value, error.Column));
        Assert.Equal("The code A is already used in row 2. Give each unit its own code.", error.Reason);
    }

    [Theory]
    [InlineData("ROOT")]
    [InlineData("OTHER")]
    public void A_unit_code_the_database_holds_is_taken_inside_or_outside_the_jurisdiction(string code)
    {
        var (batch, _) = Check(new ImportFileBuilder().Unit(code));

        Assert.Equal([(ImportSheet.Units, 2, "单位代码")], Problems(batch));
    }

    [Fact]
    public void A_parent_defined_further_down_the_file_is_found_and_written_first()
    {
        var (batch, plan) = Check(new ImportFileBuilder().Unit("CHILD", parent: "MID").Unit("MID", parent: "ROOT"));

        Assert.Empty(batch.Errors);
        Assert.Equal([1, 0], plan.UnitOrder);
    }

    [Fact]
    public void The_closure_rows_of_a_new_unit_join_its_parents_ancestry()
    {
        var (_, plan) = Check(new ImportFileBuilder().Unit("CHILD", parent: "MID").Unit("MID", parent: "ROOT"));

        var child = plan.Ancestries.Where(a => a.Descendant == 0).Select(a => (a.Ancestor, a.Depth)).ToList();
        Assert.Equal(
            [(ImportRef.File(0), 0), (ImportRef.File(1), 1), (ImportRef.Existing(1), 2), (ImportRef.Existing(9), 3)],
            child.OrderBy(a => a.Depth).ToList());
        Assert.Equal(3, plan.Ancestries.Count(a => a.Descendant == 1));
    }

    [Fact]
    public void An_unknown_parent_code_is_not_found()
    {
        var (batch, _) = Check(new ImportFileBuilder().Unit("A", parent: "NOPE"));

        var error = Assert.Single(batch.Errors);
        Assert.Equal("上级单位代码", error.Column);
        Assert.Equal("Unit code NOPE not found or not in your jurisdiction. Use the code of a unit in your jurisdiction or of a unit in this file.", error.Reason);
    }

    [Theory]
    [InlineData("OTHER")]
    [InlineData("PROV")]
    public void A_parent_outside_the_jurisdiction_is_reported_exactly_like_an_unknown_one(string parent)
    {
        var (batch, _) = Check(new ImportFileBuilder().Unit("A", parent: parent));

        Assert.Equal($"Unit code {parent} not found or not in your jurisdiction. Use the code of a unit in your jurisdiction or of a unit in this file.", Assert.Single(batch.Errors).Reason);
    }

    [Fact]
    public void A_deactivated_parent_is_refused()
    {
        var (batch, _) = Check(new ImportFileBuilder().Unit("A", parent: "OLD"));

        Assert.Equal("The unit OLD is deactivated. Choose an active unit.", Assert.Single(batch.Errors).Reason);
    }

    [Fact]
    public void Parents_that_lead_back_to_the_unit_are_a_cycle_reported_on_each_of_its_rows()
    {
        var (batch, plan) = Check(new ImportFileBuilder().Unit("A", parent: "B").Unit("B", parent: "C").Unit("C", parent: "A").Unit("D"));

        Assert.Equal([(ImportSheet.Units, 2, "上级单位代码"), (ImportSheet.Units, 3, "上级单位代码"), (ImportSheet.Units, 4, "上级单位代码")], Problems(batch));
        Assert.Contains("(A → B → C → A)", batch.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal([3], plan.UnitOrder);
    }

    [Fact]
    public void A_unit_that_is_its_own_parent_is_a_cycle()
    {
        var (batch, _) = Check(new ImportFileBuilder().Unit("A", parent: "A"));

        Assert.Contains("cycle (A → A)", Assert.Single(batch.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_below_a_cycle_is_not_blamed_for_it()
    {
        var (batch, plan) = Check(new ImportFileBuilder().Unit("A", parent: "B").Unit("B", parent: "A").Unit("LEAF", parent: "A"));

        Assert.DoesNotContain(batch.Errors, e => e.Row == 4);
        Assert.DoesNotContain(2, plan.UnitOrder);
    }

    [Fact]
    public void A_staff_number_used_twice_in_the_file_is_reported_on_the_second_row()
    {
        var (batch, _) = Check(new ImportFileBuilder().Leader("L1", "ROOT").Leader("L1", "ROOT"));

        var error = Assert.Single(batch.Errors);
        Assert.Equal((ImportSheet.Leaders, 3, "人员编号"), (error.Sheet!.Value, error.Row!.Value, error.Column));
    }

    [Fact]
    public void A_staff_number_the_database_holds_is_taken()
    {
        var (batch, _) = Check(new ImportFileBuilder().Leader("L1", "ROOT"), Database(leaders: [new ExistingLeader(3, "L1", false, true)]));

        Assert.Equal("The staff number L1 cannot be given to a new leader. Give the new leader another staff number.", Assert.Single(batch.Errors).Reason);
    }

    [Theory]
    [InlineData("NOPE")]
    [InlineData("OTHER")]
    public void A_leaders_unit_unknown_or_outside_the_jurisdiction_is_not_found(string unit)
    {
        var (batch, _) = Check(new ImportFileBuilder().Leader("L1", unit));

        var error = Assert.Single(batch.Errors);
        Assert.Equal(("所在单位代码", $"Unit code {unit} not found or not in your jurisdiction. Use the code of a unit in your jurisdiction or of a unit in this file."), (error.Column, error.Reason));
    }

    [Fact]
    public void A_posting_may_name_a_leader_of_the_database_within_the_jurisdiction()
    {
        var (batch, plan) = Check(new ImportFileBuilder().Posting("L9", "ROOT"), Database(leaders: [new ExistingLeader(4, "L9", true, true)]));

        Assert.Empty(batch.Errors);
        Assert.Equal(ImportRef.Existing(4), plan.PostingLeaders[0]);
        Assert.Equal(ImportRef.Existing(1), plan.PostingUnits[0]);
    }

    [Theory]
    [InlineData("NOBODY")]
    [InlineData("OUTSIDER")]
    public void A_posting_of_a_leader_unknown_or_outside_the_jurisdiction_is_not_found(string staffNumber)
    {
        var (batch, _) = Check(new ImportFileBuilder().Posting(staffNumber, "ROOT"), Database(leaders: [new ExistingLeader(4, "OUTSIDER", false, true)]));

        var error = Assert.Single(batch.Errors);
        Assert.Equal(("人员编号", $"Staff number {staffNumber} not found or not in your jurisdiction. Use the staff number of a leader in your jurisdiction or of a leader in this file."), (error.Column, error.Reason));
    }

    [Fact]
    public void A_posting_in_a_unit_outside_the_jurisdiction_is_not_found()
    {
        var (batch, _) = Check(new ImportFileBuilder().Leader("L1", "ROOT").Posting("L1", "OTHER"));

        Assert.Equal([(ImportSheet.Postings, 2, "任职单位代码")], Problems(batch));
    }

    [Fact]
    public void A_posting_overlapping_one_of_the_database_for_the_same_leader_and_unit_is_refused()
    {
        var existing = Database(
            leaders: [new ExistingLeader(4, "L9", true, true)],
            postings: [new PostingPeriod(70, 4, 1, PostingRole.OtherMember, new DateOnly(2020, 1, 1), null)]);

        var (batch, _) = Check(new ImportFileBuilder().Posting("L9", "ROOT", from: "2024-01-01"), existing);

        var error = Assert.Single(batch.Errors);
        Assert.Equal(("任职起始日期", "This leader already holds a posting in this role in unit ROOT during this period. Correct the dates or the role."), (error.Column, error.Reason));
    }

    [Fact]
    public void Two_overlapping_postings_of_one_leader_in_one_unit_within_the_file_blame_the_second()
    {
        var (batch, _) = Check(new ImportFileBuilder()
            .Leader("L1", "ROOT")
            .Posting("L1", "ROOT", from: "2024-01-01", to: "2024-12-31")
            .Posting("L1", "ROOT", from: "2024-12-31"));

        Assert.Equal([(ImportSheet.Postings, 3, "任职起始日期")], Problems(batch));
    }

    [Fact]
    public void Consecutive_postings_of_one_leader_in_one_unit_are_fine()
    {
        var (batch, _) = Check(new ImportFileBuilder()
            .Leader("L1", "ROOT")
            .Posting("L1", "ROOT", from: "2024-01-01", to: "2024-12-31")
            .Posting("L1", "ROOT", role: "主要领导", from: "2025-01-01"));

        Assert.Empty(batch.Errors);
    }

    [Fact]
    public void Art5_a_third_principal_leader_across_database_and_file_is_refused()
    {
        var existing = Database(postings: [new PostingPeriod(70, 40, 1, PostingRole.PrincipalLeader, new DateOnly(2020, 1, 1), null)]);

        var (batch, _) = Check(
            new ImportFileBuilder()
                .Leader("L1", "ROOT").Leader("L2", "ROOT")
                .Posting("L1", "ROOT", role: "主要领导")
                .Posting("L2", "ROOT", role: "主要领导"),
            existing);

        var error = Assert.Single(batch.Errors);
        Assert.Equal((ImportSheet.Postings, 3, "职务角色"), (error.Sheet!.Value, error.Row!.Value, error.Column));
        Assert.Equal("Unit ROOT would have more than two principal leaders on one date. Correct the role or the dates.", error.Reason);
    }

    [Fact]
    public void Art6_a_principal_leader_who_also_leads_secrecy_work_beside_a_leader_in_charge_is_refused_on_the_charge_column()
    {
        var (batch, _) = Check(new ImportFileBuilder()
            .Unit("A")
            .Leader("L1", "A").Leader("L2", "A")
            .Posting("L1", "A", role: "分管保密工作的领导", from: "2024-01-01")
            .Posting("L2", "A", role: "主要领导", from: "2024-06-01", leadsSecrecyWork: "是"));

        var error = Assert.Single(batch.Errors);
        Assert.Equal((ImportSheet.Postings, 3, "是否兼分管保密工作"), (error.Sheet!.Value, error.Row!.Value, error.Column));
        Assert.Equal("Unit A would have more than one leader in charge of secrecy work on one date. Enter 否 here, or correct the dates.", error.Reason);
    }

    [Fact]
    public void Art6_one_leader_in_two_roles_of_one_unit_is_accepted_from_a_file()
    {
        var (batch, _) = Check(new ImportFileBuilder()
            .Unit("A")
            .Leader("L1", "A")
            .Posting("L1", "A", role: "主要领导", from: "2024-01-01", leadsSecrecyWork: "是")
            .Posting("L1", "A", role: "班子其他成员", from: "2024-01-01", portfolio: "办公室"));

        Assert.Empty(batch.Errors);
    }

    [Fact]
    public void Art6_a_second_leader_in_charge_of_secrecy_work_at_the_same_date_is_refused()
    {
        var (batch, _) = Check(new ImportFileBuilder()
            .Unit("A")
            .Leader("L1", "A").Leader("L2", "A")
            .Posting("L1", "A", role: "分管保密工作的领导", from: "2024-01-01", to: "2024-06-30")
            .Posting("L2", "A", role: "分管保密工作的领导", from: "2024-06-30"));

        Assert.Equal([(ImportSheet.Postings, 3, "职务角色")], Problems(batch));
    }

    [Fact]
    public void Art6_a_successor_in_charge_of_secrecy_work_the_next_day_is_fine()
    {
        var (batch, _) = Check(new ImportFileBuilder()
            .Unit("A")
            .Leader("L1", "A").Leader("L2", "A")
            .Posting("L1", "A", role: "分管保密工作的领导", from: "2024-01-01", to: "2024-06-30")
            .Posting("L2", "A", role: "分管保密工作的领导", from: "2024-07-01"));

        Assert.Empty(batch.Errors);
    }

    [Fact]
    public void The_same_leader_may_hold_postings_in_two_units_at_once()
    {
        var (batch, _) = Check(new ImportFileBuilder()
            .Unit("A").Unit("B")
            .Leader("L1", "A")
            .Posting("L1", "A", role: "主要领导")
            .Posting("L1", "B", role: "主要领导"));

        Assert.Empty(batch.Errors);
    }
}
