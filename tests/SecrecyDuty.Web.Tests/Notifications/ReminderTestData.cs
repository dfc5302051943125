using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Background;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>
/// A province (PROV) with two units under it (DEPT, HEALTH) and one outside it (OUT), where nothing is due on the test
/// clock's first day (2026-11-27) and, on <see cref="Day"/> (2027-01-10), everything of issue 12's first kinds is:
/// order A of DEPT (deadline 2026-12-10, open, inspected by "inspector") is 31 days overdue, beyond the 14 days that
/// escalate it; order B of HEALTH (deadline 2027-01-15) is due in 5 days; order C of DEPT is reported; the proposal about
/// DEPT's leader sent by "officer" (due 2026-12-20) has no feedback; the leak "未报泄密" of DEPT (discovered 2027-01-08)
/// is not reported; the need-to-know leak "限知悉" of DEPT (discovered 2027-01-09 20:00 UTC), naming "leader" alone, is
/// within its 24 hours; the leak of HEALTH is reported.
/// </summary>
internal sealed record ReminderProvince(BuiltProvince P, int OrderA, int OrderB, int Proposal, int OverdueLeak, int RunningLeak)
{
    /// <summary>How far the tests move the clock: from 2026-11-27 09:00 +08:00 to 2027-01-10 09:00 +08:00.</summary>
    public static readonly TimeSpan ToDay = TimeSpan.FromDays(44);

    public static readonly DateOnly Day = new(2027, 1, 10);

    public static async Task<ReminderProvince> CreateAsync(TestApp app)
    {
        var p = await app.Province()
            .WithUnit("PROV")
            .WithUnit("DEPT", parent: "PROV")
            .WithUnit("HEALTH", parent: "PROV")
            .WithUnit("OUT")
            .WithLeader("张处长", "DEPT")
            .WithAccount("officer", Roles.SecrecyOfficer, "PROV")
            .WithAccount("deptofficer", Roles.SecrecyOfficer, "DEPT")
            .WithAccount("healthofficer", Roles.SecrecyOfficer, "HEALTH")
            .WithAccount("outofficer", Roles.SecrecyOfficer, "OUT")
            .WithAccount("inspector", Roles.Supervisor, "PROV")
            .WithAccount("cadre", Roles.CadreOfficial, "PROV")
            .WithAccount("outcadre", Roles.CadreOfficial, "OUT")
            .WithAccount("leader", Roles.UnitLeader, "DEPT")
            .WithRectificationOrder("DEPT", "PROV", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 10), description: "订单A")
            .WithRectificationOrder("HEALTH", "PROV", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 15), description: "订单B")
            .WithRectificationOrder("DEPT", "PROV", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 10), RectificationStatus.Reported, description: "订单C")
            .BuildAsync();
        return await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var orders = await db.RectificationOrders.Select(o => new { o.Id, o.Finding!.Description, o.Finding.InspectionId }).ToDictionaryAsync(o => o.Description);
            db.InspectionInspectors.Add(new InspectionInspector { InspectionId = orders["订单A"].InspectionId, UserId = p.Account("inspector") });
            var proposal = new Proposal
            {
                Kind = ProposalKind.Sanction,
                LeaderId = p.Leader("张处长"),
                UnitId = p.Unit("DEPT"),
                Body = ProposingBody.SecrecyDepartment,
                BodyUnitId = p.Unit("PROV"),
                Recipient = "省委组织部",
                Basis = ProposalBasis.Other,
                BasisDescription = "检查发现",
                Content = "建议处理",
                SentOn = new DateOnly(2026, 11, 20),
                FeedbackDueOn = new DateOnly(2026, 12, 20),
                CreatedAtUtc = DateTime.UtcNow,
                CreatedBy = "officer",
            };
            var overdue = Leak(p.Unit("DEPT"), "未报泄密", new DateTime(2027, 1, 8, 0, 0, 0, DateTimeKind.Utc));
            var running = Leak(p.Unit("DEPT"), "限知悉", new DateTime(2027, 1, 9, 20, 0, 0, DateTimeKind.Utc));
            running.RestrictedToNamedAccounts = true;
            running.Grants.Add(new IncidentGrant { UserId = p.Account("leader") });
            var reported = Leak(p.Unit("HEALTH"), "已报泄密", new DateTime(2027, 1, 9, 0, 0, 0, DateTimeKind.Utc));
            reported.ReportedToSecrecyDepartmentAtUtc = reported.DiscoveredAtUtc.AddHours(2);
            db.Proposals.Add(proposal);
            db.Incidents.AddRange(overdue, running, reported);
            await db.SaveChangesAsync();
            return new ReminderProvince(p, orders["订单A"].Id, orders["订单B"].Id, proposal.Id, overdue.Id, running.Id);
        });
    }

    /// <summary>Who should be told what on <see cref="Day"/>, as (account, kind, record).</summary>
    public IReadOnlyList<(string User, NotificationKind Kind, int Record)> Expected =>
    [
        ("cadre", NotificationKind.ProposalFeedbackOverdue, Proposal),
        ("deptofficer", NotificationKind.IncidentReportOverdue, OverdueLeak),
        ("deptofficer", NotificationKind.OrderOverdue, OrderA),
        ("healthofficer", NotificationKind.OrderDueSoon, OrderB),
        ("inspector", NotificationKind.OrderOverdue, OrderA),
        ("leader", NotificationKind.IncidentClockRunning, RunningLeak),
        ("officer", NotificationKind.IncidentReportOverdue, OverdueLeak),
        ("officer", NotificationKind.OrderEscalated, OrderA),
        ("officer", NotificationKind.ProposalFeedbackOverdue, Proposal),
    ];

    /// <summary>The notifications stored, as (account, kind, record), in the order of <see cref="Expected"/>.</summary>
    public static Task<List<(string User, NotificationKind Kind, int Record)>> StoredAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var rows = await (from n in db.Notifications
                              join u in db.Users on n.UserId equals u.Id
                              select new { u.UserName, n.Kind, n.RecordId }).ToListAsync();
            return rows.Select(r => (r.UserName!, r.Kind, r.RecordId)).OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Kind.ToString(), StringComparer.Ordinal).ToList();
        });

    /// <summary>Runs the reminder job now through the host's scheduler, as a manual trigger, and waits until it has run.</summary>
    public static Task RunJobAsync(TestApp app) => ManualJobRun.RunAsync(app, ReminderJob.Key, Scheduler.DailyReminders);

    private static Incident Leak(int unitId, string title, DateTime discoveredAtUtc) => new()
    {
        UnitId = unitId,
        Title = title,
        DiscoveredAtUtc = discoveredAtUtc,
        Classification = Classification.Secret,
        LeakType = LeakType.KnownByUnentitled,
        Carrier = SecretCarrier.Paper,
        Description = "经过",
        Status = IncidentStatus.Registered,
        CreatedAtUtc = discoveredAtUtc,
        CreatedBy = "officer",
    };
}
