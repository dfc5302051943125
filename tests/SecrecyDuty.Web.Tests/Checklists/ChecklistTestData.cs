using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Checklists;

/// <summary>
/// A small province for the checklist tests, over the real catalogue loaded at start-up:
/// SF 示范省 (the secrecy bureau) ─┬─ SF-JYT 示范省教育厅: 张教 principal, 李保 leader in charge of secrecy, 王业 other member,
///                                 │   and 赵前, a principal leader whose posting ended in 2025
///                                 └─ SF-CZT 示范省财政厅: 钱财 principal.
/// Accounts linked to their leaders: "zhang" (张教), "li" (李保), "qian" (钱财), all unit leaders.
/// </summary>
internal sealed record ChecklistProvince(
    int Root,
    int Education,
    int Finance,
    int ZhangPosting,
    int LiPosting,
    int WangPosting,
    int ZhaoPosting,
    int QianPosting,
    string ZhangUser,
    string LiUser,
    string QianUser)
{
    public const int Year = 2026;

    public static async Task<ChecklistProvince> CreateAsync(TestApp app)
    {
        var root = await app.AddUnitAsync("SF", "示范省");
        var education = await app.AddUnitAsync("SF-JYT", "示范省教育厅", root);
        var finance = await app.AddUnitAsync("SF-CZT", "示范省财政厅", root);
        var zhang = await AddPostingAsync(app, education, "张教", PostingRole.PrincipalLeader, new DateOnly(2022, 3, 1), null, "厅长");
        var li = await AddPostingAsync(app, education, "李保", PostingRole.SecrecyLeader, new DateOnly(2021, 1, 1), null, "副厅长");
        var wang = await AddPostingAsync(app, education, "王业", PostingRole.OtherMember, new DateOnly(2023, 6, 1), null, "副厅长");
        var zhao = await AddPostingAsync(app, education, "赵前", PostingRole.PrincipalLeader, new DateOnly(2018, 1, 1), new DateOnly(2025, 12, 31), "党组书记");
        var qian = await AddPostingAsync(app, finance, "钱财", PostingRole.PrincipalLeader, new DateOnly(2020, 1, 1), null, "厅长");
        var zhangUser = await AddLeaderAccountAsync(app, "zhang", education, zhang);
        var liUser = await AddLeaderAccountAsync(app, "li", education, li);
        var qianUser = await AddLeaderAccountAsync(app, "qian", finance, qian);
        return new ChecklistProvince(root, education, finance, zhang, li, wang, zhao, qian, zhangUser, liUser, qianUser);
    }

    public FixedCurrentUser Zhang => new(ZhangUser, Education, Roles.UnitLeader);

    public FixedCurrentUser Li => new(LiUser, Education, Roles.UnitLeader);

    public FixedCurrentUser Qian => new(QianUser, Finance, Roles.UnitLeader);

    public FixedCurrentUser Officer => new("officer", Root, Roles.SecrecyOfficer);

    public FixedCurrentUser Supervisor => new("supervisor", Root, Roles.Supervisor);

    /// <summary>A leader with one posting; returns the posting's id.</summary>
    public static Task<int> AddPostingAsync(TestApp app, int unitId, string name, PostingRole role, DateOnly from, DateOnly? to, string title) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var leader = new Leader { Name = name, StaffNumber = "S" + Guid.NewGuid().ToString("N")[..12], Rank = LeaderRank.DepartmentBureau, UnitId = unitId };
            var posting = new Posting { Leader = leader, UnitId = unitId, Role = role, Title = title, From = from, To = to, Portfolio = role == PostingRole.OtherMember ? "规划、财务" : null };
            db.Postings.Add(posting);
            await db.SaveChangesAsync();
            return posting.Id;
        });

    /// <summary>A unit leader's account linked to the leader of <paramref name="postingId"/>; returns the account's id.</summary>
    public static async Task<string> AddLeaderAccountAsync(TestApp app, string userName, int unitId, int postingId)
    {
        var id = await app.AddUserAsync(userName, Roles.UnitLeader, unitId);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var leaderId = await db.Postings.Where(p => p.Id == postingId).Select(p => p.LeaderId).SingleAsync();
            (await db.Users.SingleAsync(u => u.Id == id)).LeaderId = leaderId;
            await db.SaveChangesAsync();
        });
        return id;
    }
}

/// <summary>Activities, service calls and stored checklists for the checklist tests.</summary>
internal static class ChecklistTestData
{
    public static Task<int> AddActivityAsync(TestApp app, int unitId, ActivityKind kind, DateOnly date, string title) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var activity = new Activity { UnitId = unitId, Kind = kind, Date = date, Title = title, Presenters = "保密办主任", Topics = "保密工作情况", CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });

    public static Task<T> AsAsync<T>(TestApp app, ICurrentUser actor, Func<ChecklistService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ChecklistService>(sp, actor)));

    public static Task<ChecklistView?> OpenAsync(TestApp app, ICurrentUser actor, int postingId, int year = ChecklistProvince.Year) =>
        AsAsync(app, actor, s => s.OpenAsync(postingId, year));

    /// <summary>The checklist's items as stored, by code.</summary>
    public static Task<Dictionary<string, DutyChecklistItem>> StoredItemsAsync(TestApp app, int postingId, int year = ChecklistProvince.Year) =>
        app.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return db.DutyChecklistItems.AsNoTracking()
                .Where(i => db.DutyChecklists.Any(c => c.Id == i.ChecklistId && c.PostingId == postingId && c.Year == year))
                .Include(i => i.DutyItem)
                .ToDictionaryAsync(i => i.DutyItem!.Code);
        });

    public static Task<DutyChecklist?> StoredChecklistAsync(TestApp app, int postingId, int year = ChecklistProvince.Year) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyChecklists.AsNoTracking().SingleOrDefaultAsync(c => c.PostingId == postingId && c.Year == year));

    /// <summary>Rows setting every item of the view to <paramref name="status"/>.</summary>
    public static ChecklistInput All(ChecklistView view, ChecklistItemStatus status) => new()
    {
        Items = [.. view.Checklist!.Items.Select(i => new ChecklistItemRow { ItemId = i.Id, Status = status, SelfAssessment = "已落实。" })],
    };

    /// <summary>The view's item <paramref name="code"/> set to the given status (and reason).</summary>
    public static ChecklistInput One(ChecklistView view, string code, ChecklistItemStatus status, string? reason = null, string? selfAssessment = null) => new()
    {
        Items = [new ChecklistItemRow { ItemId = view.Checklist!.Items.Single(i => i.Code == code).Id, Status = status, NotApplicableReason = reason, SelfAssessment = selfAssessment }],
    };

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
