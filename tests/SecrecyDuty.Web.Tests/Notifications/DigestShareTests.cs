using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>
/// The digest page asks for one account's reminders, and the service reads only the records that account may be told of
/// (issue 10: no page whose cost grows with the province). What it reads must never lose an item: for every account, its
/// digest is exactly its share of the whole province's due list, for every kind of reminder.
/// </summary>
public sealed class DigestShareTests
{
    [Fact]
    public async Task Each_account_s_reminders_are_its_share_of_the_province_s_orders_escalations_proposals_and_leaks()
    {
        using var app = TestApp.Rent();
        await ReminderProvince.CreateAsync(app);
        app.Clock.Advance(ReminderProvince.ToDay);

        var shares = await SharesAsync(app);

        Assert.All(shares, s => Assert.Equal(s.OfProvince, s.Asked));
        Assert.Contains(shares, s => s.Asked.Any(i => i.Kind == NotificationKind.OrderEscalated));
        Assert.Contains(shares, s => s.Asked.Any(i => i.Kind == NotificationKind.ProposalFeedbackOverdue));
        Assert.Contains(shares, s => s.Asked.Any(i => i.Kind == NotificationKind.IncidentReportOverdue));
        Assert.True(shares.Count(s => s.Asked.Count > 0) >= 5, string.Join(", ", shares.Select(s => $"{s.UserName}: {s.Asked.Count}")));
    }

    [Fact]
    public async Task Each_account_s_reminders_are_its_share_of_the_province_s_briefings_meetings_and_cadre_trainings()
    {
        using var app = TestApp.Rent();
        await FrequencyProvince.BuildAsync(app);

        // 29 days before the year's end: the half-year's briefing and the year's member meetings are due soon.
        app.Clock.Advance(TimeSpan.FromDays(5));
        var shares = await SharesAsync(app);

        Assert.All(shares, s => Assert.Equal(s.OfProvince, s.Asked));
        var kinds = shares.SelectMany(s => s.Asked.Select(i => (s.UserName, i.Kind))).Order().ToList();
        Assert.Equal(
            [("li", NotificationKind.MemberMeetingsDueSoon), ("unitofficer", NotificationKind.CadreTrainingDue), ("wang", NotificationKind.BriefingDueSoon)],
            kinds);
    }

    private sealed record Share(string UserName, IReadOnlyList<DueItem> Asked, IReadOnlyList<DueItem> OfProvince);

    private static Task<List<Share>> SharesAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var reminders = sp.GetRequiredService<ReminderService>();
            var province = await reminders.DueAsync();
            var accounts = await sp.GetRequiredService<AppDbContext>().Users.OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName }).ToListAsync();
            var shares = new List<Share>();
            foreach (var account in accounts)
            {
                shares.Add(new Share(account.UserName!, await reminders.DueAsync(account.Id), [.. province.Where(i => i.UserId == account.Id)]));
            }

            return shares;
        });
}
