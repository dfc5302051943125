using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Checklists.ChecklistTestData;

namespace SecrecyDuty.Web.Tests.Checklists;

/// <summary>Activities recorded for a unit link themselves to the checklist items they satisfy.</summary>
public sealed class ChecklistEvidenceTests
{
    private static ChecklistItemView Item(ChecklistView view, string code) => view.Checklist!.Items.Single(i => i.Code == code);

    [Fact]
    public async Task A_briefing_is_evidence_under_P5_3_of_the_units_principal_leader_and_not_of_another_unit()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var briefing = (await app.Province().WithActivity(p.Education, ActivityKind.Briefing, new DateOnly(2026, 3, 12), "听取上半年保密工作汇报").BuildAsync())
            .Activity("听取上半年保密工作汇报");

        var zhang = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var qian = await OpenAsync(app, p.Qian, p.QianPosting);

        var evidence = Assert.Single(Item(zhang!, "P5.3").Evidence);
        Assert.Equal((briefing, new DateOnly(2026, 3, 12), "听取上半年保密工作汇报"), (evidence.ActivityId, evidence.Date, evidence.Title));
        Assert.Empty(Item(qian!, "P5.3").Evidence);
        Assert.All(zhang!.Checklist!.Items.Where(i => i.Code != "P5.3"), i => Assert.Empty(i.Evidence));
    }

    [Fact]
    public async Task Each_kind_of_activity_lands_under_its_own_item_of_the_secrecy_leaders_checklist()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var activities = await app.Province()
            .WithActivity(p.Education, ActivityKind.MemberMeeting, new DateOnly(2026, 4, 2), "保密委员会全体会议")
            .WithActivity(p.Education, ActivityKind.Training, new DateOnly(2026, 5, 20), "全员保密教育")
            .WithActivity(p.Education, ActivityKind.Briefing, new DateOnly(2026, 3, 12), "听取汇报")
            .BuildAsync();
        var (meeting, training) = (activities.Activity("保密委员会全体会议"), activities.Activity("全员保密教育"));

        var li = await OpenAsync(app, p.Li, p.LiPosting);

        Assert.Equal([meeting], Item(li!, "S6.5").Evidence.Select(e => e.ActivityId));
        Assert.Equal([training], Item(li!, "S6.3").Evidence.Select(e => e.ActivityId));
        Assert.DoesNotContain(li!.Checklist!.Items, i => i.Code == "P5.3");
    }

    [Fact]
    public async Task Activities_of_another_year_or_before_the_posting_began_are_not_evidence()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var built = await app.Province()
            .WithLeader("孙新", p.Education, rank: Core.Leaders.LeaderRank.DepartmentBureau)
            .WithPosting("孙新", Core.Leaders.PostingRole.PrincipalLeader, new DateOnly(2026, 7, 1), title: "党组书记")
            .WithActivity(p.Education, ActivityKind.Briefing, new DateOnly(2025, 9, 1), "去年的汇报")
            .WithActivity(p.Education, ActivityKind.Briefing, new DateOnly(2026, 3, 12), "上半年汇报")
            .WithActivity(p.Education, ActivityKind.Briefing, new DateOnly(2026, 9, 18), "下半年汇报")
            .BuildAsync();
        var (newcomer, after) = (built.Posting("孙新"), built.Activity("下半年汇报"));

        var zhang = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var sun = await OpenAsync(app, p.Officer, newcomer);

        Assert.Equal(2, Item(zhang!, "P5.3").Evidence.Count);
        Assert.Equal([after], Item(sun!, "P5.3").Evidence.Select(e => e.ActivityId));
    }

    [Fact]
    public async Task Items_with_a_frequency_hint_when_fewer_activities_are_linked_than_required()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        await app.Province()
            .WithActivity(p.Education, ActivityKind.Briefing, new DateOnly(2026, 3, 12), "上半年汇报")
            .WithActivity(p.Education, ActivityKind.MemberMeeting, new DateOnly(2026, 4, 2), "保密委员会会议")
            .BuildAsync();

        var zhang = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var li = await OpenAsync(app, p.Li, p.LiPosting);
        var qian = await OpenAsync(app, p.Qian, p.QianPosting);

        Assert.Equal(FrequencyHint.BelowExpected, Item(zhang!, "P5.3").Hint); // one of the two expected (art. 5 (三))
        Assert.Equal(FrequencyHint.BelowMinimum, Item(li!, "S6.5").Hint); // one of at least two (art. 6 (五))
        Assert.Equal(FrequencyHint.BelowMinimum, Item(qian!, "P5.3").Hint); // none at all
        Assert.Equal(FrequencyHint.None, Item(zhang!, "P5.1").Hint);
    }
}
