using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using SecrecyDuty.Web.Tests.Leaders;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>
/// A small province for appraisal tests: 青山市 with its education bureau (two leaders, each with an account of his
/// own: 张教 the principal leader, 李保 the leader in charge of secrecy work), and 碧海市 beside it, outside the
/// jurisdiction of 青山市's accounts. The test clock's year is 2026.
/// </summary>
internal sealed record AppraisalProvince(
    int Root,
    int City,
    int Bureau,
    int OtherCity,
    int Zhang,
    int ZhangPosting,
    int Li,
    int LiPosting,
    int Outsider)
{
    public const int Year = 2026;

    public static async Task<AppraisalProvince> CreateAsync(TestApp app)
    {
        var root = await app.AddUnitAsync("SF", "示范省");
        var city = await app.AddUnitAsync("SF-QS", "青山市", root);
        var bureau = await app.AddUnitAsync("SF-QS-JYJ", "青山市教育局", city);
        var other = await app.AddUnitAsync("SF-BH", "碧海市", root);

        var zhang = await app.AddLeaderAsync(bureau, "张教", "QS-001", LeaderRank.DepartmentBureau);
        var zhangPosting = await app.AddPostingAsync(zhang, bureau, PostingRole.PrincipalLeader, new DateOnly(2023, 2, 1), title: "局长");
        var li = await app.AddLeaderAsync(bureau, "李保", "QS-002", LeaderRank.CountyDivision);
        var liPosting = await app.AddPostingAsync(li, bureau, PostingRole.SecrecyLeader, new DateOnly(2024, 5, 1), title: "副局长", portfolio: "办公室、保密");
        var outsider = await app.AddLeaderAsync(other, "碧海人", "BH-001", LeaderRank.DepartmentBureau);
        await app.AddPostingAsync(outsider, other, PostingRole.PrincipalLeader, new DateOnly(2022, 1, 1), title: "市长");

        await app.AddLeaderAccountAsync("zhang", bureau, zhang);
        await app.AddLeaderAccountAsync("li", bureau, li);
        return new AppraisalProvince(root, city, bureau, other, zhang, zhangPosting, li, liPosting, outsider);
    }

    /// <summary>A secrecy officer of 青山市 (the city and the bureau below it).</summary>
    public FixedCurrentUser Officer => new("officer", City, Roles.SecrecyOfficer);

    public FixedCurrentUser Supervisor => new("supervisor", City, Roles.Supervisor);

    /// <summary>An officer of 碧海市: 青山市's leaders are outside the jurisdiction.</summary>
    public FixedCurrentUser OtherOfficer => new("other-officer", OtherCity, Roles.SecrecyOfficer);

    /// <summary>A cadre official of 青山市 (the organization department): appraises the city's and the bureau's leaders.</summary>
    public FixedCurrentUser Cadre => new("cadre", City, Roles.CadreOfficial);

    /// <summary>A cadre official of 碧海市: 青山市's leaders are outside the jurisdiction.</summary>
    public FixedCurrentUser OtherCadre => new("other-cadre", OtherCity, Roles.CadreOfficial);
}

internal static class AppraisalTestData
{
    /// <summary>The secrecy office's part (art. 9).</summary>
    public static readonly OrganizationOpinionInput Opinion = new()
    {
        OrganizationOpinion = "该同志认真履行保密工作第一责任人职责，每半年听取保密工作汇报。",
    };

    /// <summary>The cadre official's part (arts. 9–10).</summary>
    public static readonly AppraisalDecisionInput Decision = new()
    {
        Grade = AppraisalGrade.Excellent,
        Commendation = "评为全市保密工作先进个人",
    };

    /// <summary>A unit leader's account linked to <paramref name="leaderId"/> (<c>AppUser.LeaderId</c>): "his own" leader.</summary>
    public static async Task<string> AddLeaderAccountAsync(this TestApp app, string userName, int unitId, int leaderId)
    {
        var id = await app.AddUserAsync(userName, Roles.UnitLeader, unitId);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Users.SingleAsync(u => u.Id == id)).LeaderId = leaderId;
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>The account's user id, to act as it through a service.</summary>
    public static Task<string> UserIdAsync(this TestApp app, string userName) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static async Task<FixedCurrentUser> LeaderActorAsync(this TestApp app, string userName, int unitId) =>
        new(await app.UserIdAsync(userName), unitId, Roles.UnitLeader);

    public static Task<Appraisal?> FindAppraisalAsync(this TestApp app, int leaderId, int year = AppraisalProvince.Year) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Appraisals.AsNoTracking().SingleOrDefaultAsync(a => a.LeaderId == leaderId && a.Year == year));

    /// <summary>Writes an appraisal straight to the database.</summary>
    public static Task AddAppraisalAsync(
        this TestApp app,
        int leaderId,
        int unitId,
        string? opinion = null,
        AppraisalGrade? grade = null,
        bool finalized = false,
        string? dutyReport = null,
        int year = AppraisalProvince.Year) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Appraisals.Add(new Appraisal
            {
                LeaderId = leaderId,
                UnitId = unitId,
                Year = year,
                DutyReportSection = dutyReport,
                OrganizationOpinion = opinion,
                Grade = grade,
                FinalizedAtUtc = finalized ? new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc) : null,
                FinalizedBy = finalized ? "cadre" : null,
            });
            await db.SaveChangesAsync();
        });

    /// <summary>A duty checklist of the posting for the year, with the given catalogue items and their statuses.</summary>
    public static Task AddChecklistAsync(
        this TestApp app,
        int postingId,
        int unitId,
        ChecklistStatus status,
        string? opinion,
        params (string Code, ChecklistItemStatus Status, string? SelfAssessment, string? Reason)[] items) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var regulationId = await db.Regulations.Where(r => r.IsCurrent).Select(r => r.Id).FirstAsync();
            var codes = items.Select(i => i.Code).ToList();
            var dutyItems = await db.DutyItems.Where(d => d.RegulationId == regulationId && codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Id);
            var checklist = new DutyChecklist
            {
                PostingId = postingId,
                UnitId = unitId,
                Year = AppraisalProvince.Year,
                RegulationId = regulationId,
                Status = status,
                SubmittedAtUtc = status is ChecklistStatus.Submitted or ChecklistStatus.Reviewed ? new DateTime(2026, 10, 9, 2, 0, 0, DateTimeKind.Utc) : null,
                ReviewedAtUtc = status == ChecklistStatus.Reviewed ? new DateTime(2026, 10, 30, 2, 0, 0, DateTimeKind.Utc) : null,
                OrganizationOpinion = opinion,
            };
            foreach (var (code, itemStatus, selfAssessment, reason) in items)
            {
                checklist.Items.Add(new DutyChecklistItem { DutyItemId = dutyItems[code], Status = itemStatus, SelfAssessment = selfAssessment, NotApplicableReason = reason });
            }

            db.DutyChecklists.Add(checklist);
            await db.SaveChangesAsync();
        });

    /// <summary>An activity of the unit, attended by the given postings.</summary>
    public static Task AddActivityAsync(this TestApp app, int unitId, ActivityKind kind, DateOnly date, string title, params int[] attendingPostings) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var activity = new Activity { UnitId = unitId, Kind = kind, Date = date, Title = title, Presenters = "保密办主任", Topics = "工作情况" };
            foreach (var posting in attendingPostings)
            {
                activity.Attendance.Add(new ActivityAttendance { PostingId = posting });
            }

            db.Activities.Add(activity);
            await db.SaveChangesAsync();
        });

    public static async Task<HttpClient> SignedInAsync(this TestApp app, string userName)
    {
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, userName);
        return client;
    }

    public static async Task<HttpClient> SignedInAsAsync(this TestApp app, string userName, string role, int unitId)
    {
        await app.AddUserAsync(userName, role, unitId);
        return await app.SignedInAsync(userName);
    }

    public static string LeaderUrl(int leaderId, int year = AppraisalProvince.Year) => $"/Appraisals/Leader/{leaderId}?year={year}";

    public static string PrintUrl(int leaderId, int year = AppraisalProvince.Year) => $"/Appraisals/Leader/{leaderId}/Print?year={year}";

    public static string PostUrl(int leaderId, string handler, int year = AppraisalProvince.Year) => $"/Appraisals/Leader/{leaderId}?year={year}&handler={handler}";

    public static Task<T> AsAsync<T>(this TestApp app, ICurrentUser actor, Func<AppraisalService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<AppraisalService>(sp, actor)));
}
