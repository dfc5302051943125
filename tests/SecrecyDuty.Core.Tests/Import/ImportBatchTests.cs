using SecrecyDuty.Core.Import;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Tests.Shared;

namespace SecrecyDuty.Core.Tests.Import;

/// <summary>What a row must hold on its own: required cells, lengths, choices, dates.</summary>
public sealed class ImportBatchTests
{
    private static readonly PassThroughLocalizer L = new();

    private static ImportBatch Parse(ImportFileBuilder file) =>
        ImportBatch.Parse(ImportFileReader.Read(file.ToXlsx(), ImportFileFormat.Xlsx, null, L), L, new DateOnly(2026, 11, 27));

    private static ImportError Only(ImportBatch batch) => Assert.Single(batch.Errors);

    [Fact]
    public void A_good_row_of_each_sheet_is_read_into_its_values()
    {
        var batch = Parse(new ImportFileBuilder()
            .Unit("A", name: "甲单位", kind: "国家机关", level: "厅局级")
            .Leader("L1", "A", rank: "厅局级", partyMember: "否", phone: "123", email: "a@b.cn")
            .Posting("L1", "A", role: "主要领导", from: "2024-01-01", to: "2025-12-31", title: "主任", portfolio: "全面工作"));

        Assert.Empty(batch.Errors);
        Assert.Equal(new UnitImportRow(2, "A", "甲单位", UnitKind.StateOrgan, AdministrativeLevel.Prefectural, "ROOT"), batch.Units[0]);
        Assert.Equal(new LeaderImportRow(2, "L1", "张明", LeaderRank.DepartmentBureau, false, "123", "a@b.cn", "A"), batch.Leaders[0]);
        Assert.Equal(new PostingImportRow(2, "L1", "A", PostingRole.PrincipalLeader, "主任", "全面工作", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)), batch.Postings[0]);
    }

    [Fact]
    public void A_required_cell_left_empty_is_reported_in_its_column()
    {
        var error = Only(Parse(new ImportFileBuilder().Unit("A", name: "")));

        Assert.Equal((ImportSheet.Units, "单位", 2, "单位名称"), (error.Sheet!.Value, error.SheetName, error.Row!.Value, error.Column));
        Assert.Equal("Enter a value in this column.", error.Reason);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_not_only_the_first()
    {
        var batch = Parse(new ImportFileBuilder().Unit("", parent: "", name: "", kind: "党委", level: ""));

        Assert.Equal(["单位代码", "单位名称", "单位类别", "行政级别", "上级单位代码"], batch.Errors.Select(e => e.Column));
    }

    [Fact]
    public void A_code_of_32_characters_fits_and_33_do_not()
    {
        Assert.Empty(Parse(new ImportFileBuilder().Unit(new string('A', 32))).Errors);

        var error = Only(Parse(new ImportFileBuilder().Unit(new string('A', 33))));
        Assert.Equal("单位代码", error.Column);
        Assert.Equal("Shorten this to at most 32 characters.", error.Reason);
    }

    [Fact]
    public void A_leader_name_longer_than_100_characters_is_reported() =>
        Assert.Equal("姓名", Only(Parse(new ImportFileBuilder().Leader("L1", "A", name: new string('张', 101)))).Column);

    [Fact]
    public void A_portfolio_longer_than_500_characters_is_reported() =>
        Assert.Equal("分管业务", Only(Parse(new ImportFileBuilder().Posting("L1", "A", portfolio: new string('业', 501)))).Column);

    [Fact]
    public void An_unknown_unit_kind_is_reported_with_the_names_to_use()
    {
        var error = Only(Parse(new ImportFileBuilder().Unit("A", kind: "党委")));

        Assert.Equal("单位类别", error.Column);
        Assert.Equal("Enter one of: “党的机关”、“国家机关”、“社会团体”、“事业单位”、“国有企业”、“其他涉密单位”.", error.Reason);
    }

    [Fact]
    public void An_unknown_level_is_reported() =>
        Assert.Equal("行政级别", Only(Parse(new ImportFileBuilder().Unit("A", level: "部级"))).Column);

    [Fact]
    public void An_unknown_rank_is_reported() =>
        Assert.Equal("职级", Only(Parse(new ImportFileBuilder().Leader("L1", "A", rank: "处长"))).Column);

    [Fact]
    public void An_unknown_role_is_reported() =>
        Assert.Equal("职务角色", Only(Parse(new ImportFileBuilder().Posting("L1", "A", role: "书记"))).Column);

    [Fact]
    public void Party_membership_other_than_yes_or_no_is_reported()
    {
        var error = Only(Parse(new ImportFileBuilder().Leader("L1", "A", partyMember: "党员")));

        Assert.Equal(("是否中共党员", "Enter 是 or 否."), (error.Column, error.Reason));
    }

    [Fact]
    public void A_malformed_email_is_reported_and_an_empty_one_is_fine()
    {
        Assert.Empty(Parse(new ImportFileBuilder().Leader("L1", "A", email: "")).Errors);
        Assert.Equal("电子邮箱", Only(Parse(new ImportFileBuilder().Leader("L1", "A", email: "zhang.example.org"))).Column);
    }

    [Theory]
    [InlineData("2024/01/31")]
    [InlineData("31.01.2024")]
    [InlineData("2024-02-30")]
    [InlineData("明年")]
    public void A_date_not_in_yyyy_MM_dd_is_reported(string from)
    {
        var error = Only(Parse(new ImportFileBuilder().Posting("L1", "A", from: from)));

        Assert.Equal(("任职起始日期", "Enter the date as yyyy-MM-dd, e.g. 2024-01-31."), (error.Column, error.Reason));
    }

    [Fact]
    public void A_posting_ending_before_it_starts_is_reported_in_the_end_date_column()
    {
        var error = Only(Parse(new ImportFileBuilder().Posting("L1", "A", from: "2024-05-01", to: "2024-04-30")));

        Assert.Equal(("任职终止日期", "Enter an end date on or after the start date."), (error.Column, error.Reason));
    }

    [Fact]
    public void A_posting_of_one_day_is_fine() =>
        Assert.Empty(Parse(new ImportFileBuilder().Posting("L1", "A", from: "2024-05-01", to: "2024-05-01")).Errors);

    [Fact]
    public void Cells_are_trimmed()
    {
        var batch = Parse(new ImportFileBuilder().Unit("  A  ", parent: " ROOT "));

        Assert.Equal(("A", "ROOT"), (batch.Units[0].Code, batch.Units[0].ParentCode));
    }

    [Theory]
    [InlineData("国有企业", "是", true)]
    [InlineData("国有企业", "否", false)]
    [InlineData("国有企业", "", false)]
    [InlineData("StateOwnedEnterprise", "yes", true)]
    [InlineData("国有大中型企业", "", true)] // the kind's own word says so
    [InlineData("国有大、中型企业", "是", true)]
    public void Art2_the_large_or_medium_enterprise_column_is_read(string kind, string largeOrMedium, bool expected)
    {
        var batch = Parse(new ImportFileBuilder().Unit("A", kind: kind, largeOrMedium: largeOrMedium));

        Assert.Empty(batch.Errors);
        Assert.Equal((UnitKind.StateOwnedEnterprise, expected), (batch.Units[0].Kind, batch.Units[0].IsLargeOrMediumEnterprise));
    }

    [Fact]
    public void Art2_a_unit_that_is_no_state_owned_enterprise_cannot_be_large_or_medium_in_a_file()
    {
        var batch = Parse(new ImportFileBuilder().Unit("A", kind: "事业单位", largeOrMedium: "是"));

        var error = Only(batch);
        Assert.Equal(("是否国有大中型企业", "Only a state-owned enterprise can be large or medium (国有大、中型企业): enter 否, or correct the kind."), (error.Column, error.Reason));
        Assert.False(batch.Units[0].IsLargeOrMediumEnterprise);
    }

    [Fact]
    public void Art2_the_kind_named_large_or_medium_and_the_answer_no_contradict_each_other() =>
        Assert.Equal("是否国有大中型企业", Only(Parse(new ImportFileBuilder().Unit("A", kind: "国有大中型企业", largeOrMedium: "否"))).Column);

    [Fact]
    public void A_unit_set_up_date_is_read_and_one_in_the_future_is_refused()
    {
        Assert.Equal(new DateOnly(2026, 11, 27), Parse(new ImportFileBuilder().Unit("A", establishedOn: "2026-11-27")).Units[0].EstablishedOn);
        Assert.Null(Parse(new ImportFileBuilder().Unit("A")).Units[0].EstablishedOn);

        var error = Only(Parse(new ImportFileBuilder().Unit("A", establishedOn: "2026-11-28")));
        Assert.Equal(("成立日期", "The set-up date cannot be in the future: enter the date the unit was set up, or leave it empty."), (error.Column, error.Reason));
    }

    [Theory]
    [InlineData("主要领导", "是", true)]
    [InlineData("班子其他成员", "yes", true)]
    [InlineData("主要领导", "", false)]
    [InlineData("主要领导", "否", false)]
    public void Art6_the_secrecy_charge_column_is_read(string role, string leads, bool expected) =>
        Assert.Equal(expected, Parse(new ImportFileBuilder().Posting("L1", "A", role: role, leadsSecrecyWork: leads, portfolio: "全面工作")).Postings[0].LeadsSecrecyWork);

    [Fact]
    public void Art6_the_secrecy_charge_column_is_refused_on_a_leader_in_charge_of_secrecy_work()
    {
        var error = Only(Parse(new ImportFileBuilder().Posting("L1", "A", role: "分管保密工作的领导", leadsSecrecyWork: "是")));

        Assert.Equal(("是否兼分管保密工作", "A leader in charge of secrecy work leads it by the role already: enter 否, or choose another role."), (error.Column, error.Reason));
    }
}
