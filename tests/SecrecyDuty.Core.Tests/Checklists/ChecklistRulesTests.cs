using System.Globalization;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Tests.Checklists;

/// <summary>One row per rule or boundary of the duty checklist (arts. 4–7, 9).</summary>
public sealed class ChecklistRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>The catalogue's duty items in file order: C4.1–C4.10, P5.1–P5.3, S6.1–S6.11, M7.1–M7.5.</summary>
    private static readonly List<CatalogueItemRef> Catalogue =
    [
        .. Items("C4", 10, DutyHolder.EveryLeader, 0),
        .. Items("P5", 3, DutyHolder.PrincipalLeader, 10),
        .. Items("S6", 11, DutyHolder.SecrecyLeader, 13),
        .. Items("M7", 5, DutyHolder.OtherMember, 24),
    ];

    private static IEnumerable<CatalogueItemRef> Items(string prefix, int count, DutyHolder holder, int first) =>
        Enumerable.Range(1, count).Select(n => new CatalogueItemRef(100 + first + n, 7, $"{prefix}.{n}", holder, first + n));

    private static string[] Codes(string prefix, int count) => [.. Enumerable.Range(1, count).Select(n => $"{prefix}.{n}")];

    [Fact]
    public void Art_5_a_principal_leader_gets_P5_1_to_P5_3_after_the_code_of_conduct() =>
        Assert.Equal([.. Codes("C4", 10), .. Codes("P5", 3)], ChecklistRules.ItemsFor(PostingRole.PrincipalLeader, leadsSecrecyWork: false, Catalogue).Select(i => i.Code));

    [Fact]
    public void Art_6_the_leader_in_charge_of_secrecy_gets_S6_1_to_S6_11_and_the_code_of_conduct() =>
        Assert.Equal([.. Codes("C4", 10), .. Codes("S6", 11)], ChecklistRules.ItemsFor(PostingRole.SecrecyLeader, leadsSecrecyWork: false, Catalogue).Select(i => i.Code));

    [Fact]
    public void Art_7_another_team_member_gets_M7_1_to_M7_5_and_the_code_of_conduct() =>
        Assert.Equal([.. Codes("C4", 10), .. Codes("M7", 5)], ChecklistRules.ItemsFor(PostingRole.OtherMember, leadsSecrecyWork: false, Catalogue).Select(i => i.Code));

    [Fact]
    public void Art6_a_principal_leader_who_also_leads_secrecy_work_gets_S6_1_to_S6_11_on_top_of_P5_and_the_code_of_conduct() =>
        Assert.Equal([.. Codes("C4", 10), .. Codes("P5", 3), .. Codes("S6", 11)], ChecklistRules.ItemsFor(PostingRole.PrincipalLeader, leadsSecrecyWork: true, Catalogue).Select(i => i.Code));

    [Fact]
    public void Art6_an_other_member_who_also_leads_secrecy_work_gets_S6_1_to_S6_11_on_top_of_M7_and_the_code_of_conduct() =>
        Assert.Equal([.. Codes("C4", 10), .. Codes("S6", 11), .. Codes("M7", 5)], ChecklistRules.ItemsFor(PostingRole.OtherMember, leadsSecrecyWork: true, Catalogue).Select(i => i.Code));

    [Fact]
    public void Items_follow_the_catalogue_order_whatever_order_they_come_in()
    {
        var shuffled = Enumerable.Reverse(Catalogue).ToList();

        Assert.Equal([.. Codes("C4", 10), .. Codes("P5", 3)], ChecklistRules.ItemsFor(PostingRole.PrincipalLeader, leadsSecrecyWork: false, shuffled).Select(i => i.Code));
    }

    [Theory]
    [InlineData("2026-01-01", null, true)] // holds still
    [InlineData("2026-12-31", null, true)] // starts on the last day of the year
    [InlineData("2027-01-01", null, false)] // starts the next year
    [InlineData("2020-05-01", "2026-01-01", true)] // ends on the first day of the year
    [InlineData("2020-05-01", "2025-12-31", false)] // ended the year before
    public void A_posting_holds_during_a_year_when_it_held_on_any_day_of_it(string from, string? to, bool holds) =>
        Assert.Equal(holds, ChecklistRules.HoldsDuring(DateOnly.Parse(from, CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, CultureInfo.InvariantCulture), 2026));

    [Theory]
    [InlineData(2026, ChecklistGeneration.Allowed)]
    [InlineData(2027, ChecklistGeneration.YearOutOfRange)] // a future year cannot be worked through yet
    [InlineData(1999, ChecklistGeneration.YearOutOfRange)]
    [InlineData(2017, ChecklistGeneration.PostingDoesNotHold)]
    public void A_checklist_is_generated_for_a_year_the_posting_held_up_to_the_current_year(int year, ChecklistGeneration expected) =>
        Assert.Equal(expected, ChecklistRules.CheckGeneration(year, new DateOnly(2018, 3, 1), null, Today, inScope: true));

    [Theory]
    [InlineData(2026, ChecklistGeneration.NotInScope)]
    [InlineData(2027, ChecklistGeneration.YearOutOfRange)]
    [InlineData(2017, ChecklistGeneration.PostingDoesNotHold)]
    public void Art2_a_posting_out_of_scope_gets_no_checklist_for_a_year_it_held(int year, ChecklistGeneration expected) =>
        Assert.Equal(expected, ChecklistRules.CheckGeneration(year, new DateOnly(2018, 3, 1), null, Today, inScope: false));

    [Fact]
    public void Evidence_counts_only_the_days_of_the_year_the_posting_held()
    {
        Assert.Equal((new DateOnly(2026, 3, 15), new DateOnly(2026, 12, 31)), ChecklistRules.EvidencePeriod(new DateOnly(2026, 3, 15), null, 2026));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 8, 31)), ChecklistRules.EvidencePeriod(new DateOnly(2019, 1, 1), new DateOnly(2026, 8, 31), 2026));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), ChecklistRules.EvidencePeriod(new DateOnly(2019, 1, 1), new DateOnly(2028, 1, 1), 2026));
    }

    [Theory]
    [InlineData(ChecklistStatus.Open, true)]
    [InlineData(ChecklistStatus.Returned, true)] // returned: editable again
    [InlineData(ChecklistStatus.Submitted, false)] // read-only unless returned
    [InlineData(ChecklistStatus.Reviewed, false)] // final
    public void The_leader_changes_a_checklist_only_while_it_is_open_or_returned(ChecklistStatus status, bool editable) =>
        Assert.Equal(editable, ChecklistRules.IsEditable(status));

    [Theory]
    [InlineData(ChecklistStatus.Open, false)]
    [InlineData(ChecklistStatus.Returned, false)]
    [InlineData(ChecklistStatus.Submitted, true)]
    [InlineData(ChecklistStatus.Reviewed, false)]
    public void Only_a_submitted_checklist_is_reviewed_or_returned(ChecklistStatus status, bool reviewable) =>
        Assert.Equal(reviewable, ChecklistRules.CanBeReviewed(status));

    [Fact]
    public void The_items_not_started_are_listed_by_code_in_order() =>
        Assert.Equal(
            ["C4.2", "P5.3"],
            ChecklistRules.NotStarted(
            [
                ("C4.1", ChecklistItemStatus.Fulfilled),
                ("C4.2", ChecklistItemStatus.NotStarted),
                ("P5.1", ChecklistItemStatus.InProgress),
                ("P5.2", ChecklistItemStatus.NotApplicable),
                ("P5.3", ChecklistItemStatus.NotStarted),
            ]));

    [Theory]
    [InlineData(1, 2, 0, FrequencyHint.BelowMinimum)] // P5.3 (art. 5 (三) "每年至少1—2次"): no briefing
    [InlineData(1, 2, 1, FrequencyHint.BelowExpected)] // P5.3: one briefing, two expected
    [InlineData(1, 2, 2, FrequencyHint.None)] // P5.3: one each half-year
    [InlineData(2, null, 1, FrequencyHint.BelowMinimum)] // S6.5 (art. 6 (五) "每年至少2次"): one meeting
    [InlineData(2, null, 2, FrequencyHint.None)] // S6.5: two meetings
    [InlineData(null, null, 0, FrequencyHint.None)] // an item without a frequency
    public void Linked_activities_are_compared_with_the_items_frequency(int? minimum, int? expected, int linked, FrequencyHint hint) =>
        Assert.Equal(hint, ChecklistRules.Frequency(minimum, expected, linked));
}
