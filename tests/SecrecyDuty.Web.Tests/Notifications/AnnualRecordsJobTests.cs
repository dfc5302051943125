using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>
/// Issue 12, "what is due is created, not only announced": the daily job generates the year's duty checklists (arts. 4–7,
/// 9) of the postings in scope (art. 2) holding on the day, and the closed year's appraisal records (art. 9), once.
/// </summary>
public sealed class AnnualRecordsJobTests
{
    /// <summary>From the test clock's first day, 2026-11-27 09:00 +08:00, to 2027-01-01 09:00.</summary>
    private static readonly TimeSpan ToNewYear = TimeSpan.FromDays(35);

    /// <summary>From 1 January 2027 to 1 March 2027, the day 王新 takes up the post.</summary>
    private static readonly TimeSpan ToMarch = TimeSpan.FromDays(59);

    [Fact]
    public async Task On_1_January_the_job_creates_the_years_checklists_and_the_closed_years_appraisals_once_and_a_posting_begun_later_gets_its_checklist_the_next_run()
    {
        using var app = TestApp.StartOwn(TestApp.WithScheduler());
        var p = await app.Province()
            .WithUnit("DEPT")
            .WithUnit("SOE", kind: Core.Units.UnitKind.StateOwnedEnterprise)
            .WithLeader("张主", "DEPT")
            .WithLeader("李保", "DEPT")
            .WithLeader("王新", "DEPT")
            .WithLeader("赵科", "DEPT", rank: LeaderRank.Below)
            .WithLeader("钱企", "SOE")
            .WithPosting("张主", PostingRole.PrincipalLeader, new DateOnly(2020, 1, 1))
            .WithPosting("李保", PostingRole.SecrecyLeader, new DateOnly(2020, 1, 1), to: new DateOnly(2026, 12, 31), leadsSecrecyWork: true)
            .WithPosting("王新", PostingRole.SecrecyLeader, new DateOnly(2027, 3, 1), leadsSecrecyWork: true)
            .WithPosting("赵科", PostingRole.OtherMember, new DateOnly(2020, 1, 1))
            .WithPosting("钱企", PostingRole.PrincipalLeader, new DateOnly(2020, 1, 1))
            .BuildAsync();

        app.Clock.Advance(ToNewYear);
        await ReminderProvince.RunJobAsync(app);

        // Art. 2: 赵科 ranks below county/division, 钱企 heads a small state-owned enterprise; 李保's posting ended with
        // 2026 and 王新's has not begun.
        Assert.Equal([p.Posting("张主")], await ChecklistPostingsAsync(app, 2027));
        Assert.Equal([p.Leader("张主"), p.Leader("李保")], await AppraisedLeadersAsync(app, 2026));
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Appraisals
            .AllAsync(a => a.DutyReportSection == null && a.OrganizationOpinion == null && a.Grade == null && a.FinalizedAtUtc == null)));
        var items = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyChecklists
            .Where(c => c.PostingId == p.Posting("张主")).Select(c => new { c.Status, Items = c.Items.Count }).SingleAsync());
        Assert.Equal((ChecklistStatus.Open, 13), (items.Status, items.Items));

        await ReminderProvince.RunJobAsync(app);
        Assert.Equal([p.Posting("张主")], await ChecklistPostingsAsync(app, 2027));
        Assert.Equal([p.Leader("张主"), p.Leader("李保")], await AppraisedLeadersAsync(app, 2026));

        app.Clock.Advance(ToMarch);
        await ReminderProvince.RunJobAsync(app);
        Assert.Equal([p.Posting("张主"), p.Posting("王新")], await ChecklistPostingsAsync(app, 2027));
        Assert.Equal([p.Leader("张主"), p.Leader("李保")], await AppraisedLeadersAsync(app, 2026));
    }

    private static Task<List<int>> ChecklistPostingsAsync(TestApp app, int year) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyChecklists
            .Where(c => c.Year == year).Select(c => c.PostingId).Order().ToListAsync());

    private static Task<List<int>> AppraisedLeadersAsync(TestApp app, int year) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Appraisals
            .Where(a => a.Year == year).Select(a => a.LeaderId).Order().ToListAsync());
}
