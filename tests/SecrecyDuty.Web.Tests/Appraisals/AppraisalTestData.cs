using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

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
        var p = await app.Province()
            .WithUnit("SF", "示范省")
            .WithUnit("SF-QS", "青山市", parent: "SF")
            .WithUnit("SF-QS-JYJ", "青山市教育局", parent: "SF-QS")
            .WithUnit("SF-BH", "碧海市", parent: "SF")
            .WithLeader("张教", "SF-QS-JYJ", "QS-001", LeaderRank.DepartmentBureau)
            .WithLeader("李保", "SF-QS-JYJ", "QS-002", LeaderRank.CountyDivision)
            .WithLeader("碧海人", "SF-BH", "BH-001", LeaderRank.DepartmentBureau)
            .WithPosting("张教", PostingRole.PrincipalLeader, new DateOnly(2023, 2, 1), title: "局长")
            .WithPosting("李保", PostingRole.SecrecyLeader, new DateOnly(2024, 5, 1), title: "副局长", portfolio: "办公室、保密")
            .WithPosting("碧海人", PostingRole.PrincipalLeader, new DateOnly(2022, 1, 1), title: "市长")
            .WithAccount("zhang", Roles.UnitLeader, "SF-QS-JYJ", leader: "张教")
            .WithAccount("li", Roles.UnitLeader, "SF-QS-JYJ", leader: "李保")
            .BuildAsync();
        return new AppraisalProvince(
            p.Unit("SF"),
            p.Unit("SF-QS"),
            p.Unit("SF-QS-JYJ"),
            p.Unit("SF-BH"),
            p.Leader("张教"),
            p.Posting("张教"),
            p.Leader("李保"),
            p.Posting("李保"),
            p.Leader("碧海人"));
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

    public static string LeaderUrl(int leaderId, int year = AppraisalProvince.Year) => $"/Appraisals/Leader/{leaderId}?year={year}";

    public static string PrintUrl(int leaderId, int year = AppraisalProvince.Year) => $"/Appraisals/Leader/{leaderId}/Print?year={year}";

    public static string PostUrl(int leaderId, string handler, int year = AppraisalProvince.Year) => $"/Appraisals/Leader/{leaderId}?year={year}&handler={handler}";

    public static Task<T> AsAsync<T>(this TestApp app, ICurrentUser actor, Func<AppraisalService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<AppraisalService>(sp, actor)));

    // Each section saved as the page opened now would send it: over the appraisal's current version (none yet: 0).
    public static async Task<Result?> SaveDutyReportCurrentAsync(this AppraisalService service, int leaderId, int year, DutyReportInput input) =>
        await service.SaveDutyReportAsync(leaderId, year, await CurrentVersionAsync(service, leaderId, year), input);

    public static async Task<Result?> SaveOpinionCurrentAsync(this AppraisalService service, int leaderId, int year, OrganizationOpinionInput input) =>
        await service.SaveOpinionAsync(leaderId, year, await CurrentVersionAsync(service, leaderId, year), input);

    public static async Task<Result?> SaveDecisionCurrentAsync(this AppraisalService service, int leaderId, int year, AppraisalDecisionInput input) =>
        await service.SaveDecisionAsync(leaderId, year, await CurrentVersionAsync(service, leaderId, year), input);

    public static async Task<Result?> FinalizeCurrentAsync(this AppraisalService service, int leaderId, int year, AppraisalDecisionInput input) =>
        await service.FinalizeAsync(leaderId, year, await CurrentVersionAsync(service, leaderId, year), input);

    private static async Task<int> CurrentVersionAsync(AppraisalService service, int leaderId, int year) =>
        (await service.GetAsync(leaderId, year))?.Version ?? 0;
}
