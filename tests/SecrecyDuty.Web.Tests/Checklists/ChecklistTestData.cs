using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
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
        var p = await app.Province()
            .WithUnit("SF", "示范省")
            .WithUnit("SF-JYT", "示范省教育厅", parent: "SF")
            .WithUnit("SF-CZT", "示范省财政厅", parent: "SF")
            .WithLeader("张教", "SF-JYT", rank: LeaderRank.DepartmentBureau)
            .WithLeader("李保", "SF-JYT", rank: LeaderRank.DepartmentBureau)
            .WithLeader("王业", "SF-JYT", rank: LeaderRank.DepartmentBureau)
            .WithLeader("赵前", "SF-JYT", rank: LeaderRank.DepartmentBureau)
            .WithLeader("钱财", "SF-CZT", rank: LeaderRank.DepartmentBureau)
            .WithPosting("张教", PostingRole.PrincipalLeader, new DateOnly(2022, 3, 1), title: "厅长")
            .WithPosting("李保", PostingRole.SecrecyLeader, new DateOnly(2021, 1, 1), title: "副厅长")
            .WithPosting("王业", PostingRole.OtherMember, new DateOnly(2023, 6, 1), title: "副厅长", portfolio: "规划、财务")
            .WithPosting("赵前", PostingRole.PrincipalLeader, new DateOnly(2018, 1, 1), new DateOnly(2025, 12, 31), title: "党组书记")
            .WithPosting("钱财", PostingRole.PrincipalLeader, new DateOnly(2020, 1, 1), title: "厅长")
            .WithAccount("zhang", Roles.UnitLeader, "SF-JYT", leader: "张教")
            .WithAccount("li", Roles.UnitLeader, "SF-JYT", leader: "李保")
            .WithAccount("qian", Roles.UnitLeader, "SF-CZT", leader: "钱财")
            .BuildAsync();
        return new ChecklistProvince(
            p.Unit("SF"),
            p.Unit("SF-JYT"),
            p.Unit("SF-CZT"),
            p.Posting("张教"),
            p.Posting("李保"),
            p.Posting("王业"),
            p.Posting("赵前"),
            p.Posting("钱财"),
            p.Account("zhang"),
            p.Account("li"),
            p.Account("qian"));
    }

    public FixedCurrentUser Zhang => new(ZhangUser, Education, Roles.UnitLeader);

    public FixedCurrentUser Li => new(LiUser, Education, Roles.UnitLeader);

    public FixedCurrentUser Qian => new(QianUser, Finance, Roles.UnitLeader);

    public FixedCurrentUser Officer => new("officer", Root, Roles.SecrecyOfficer);

    public FixedCurrentUser Supervisor => new("supervisor", Root, Roles.Supervisor);
}

/// <summary>Service calls and stored checklists for the checklist tests.</summary>
internal static class ChecklistTestData
{
    public static Task<T> AsAsync<T>(TestApp app, ICurrentUser actor, Func<ChecklistService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ChecklistService>(sp, actor)));

    /// <summary>The leader's save as the page opened now would send it: over the checklist's current version.</summary>
    public static async Task<Result?> SaveCurrentAsync(this ChecklistService service, int postingId, int year, ChecklistInput input) =>
        await service.SaveAsync(postingId, year, await CurrentVersionAsync(service, postingId, year), input);

    public static async Task<Result?> SubmitCurrentAsync(this ChecklistService service, int postingId, int year, ChecklistInput input) =>
        await service.SubmitAsync(postingId, year, await CurrentVersionAsync(service, postingId, year), input);

    public static async Task<Result?> ReviewCurrentAsync(this ChecklistService service, int postingId, int year, ChecklistReviewInput input, ChecklistDecision decision) =>
        await service.ReviewAsync(postingId, year, await CurrentVersionAsync(service, postingId, year), input, decision);

    private static async Task<int> CurrentVersionAsync(ChecklistService service, int postingId, int year) =>
        (await service.GetAsync(postingId, year))?.Checklist?.Version ?? 0;

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
