using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// The Activities <see cref="Province"/> with its accounts acting by their real ids, and besides: a second secrecy officer at
/// the province (officer2), an account of 外省 outside it (outsider), and two findings of superior-organ inspections of
/// 2026-09-10: D15.3 at the education department (<see cref="Finding"/>), D15.2 at the health commission
/// (<see cref="HealthFinding"/>). The leak of <see cref="Leak"/> occurred on 2026-11-25, when 张教, 李保 and 赵委 held their
/// postings and 王书记's had ended.
/// </summary>
internal sealed record IncidentProvince(
    Province P,
    FixedCurrentUser Officer,
    FixedCurrentUser Discipline,
    FixedCurrentUser Leader,
    FixedCurrentUser OtherOfficer,
    int Finding,
    int HealthFinding)
{
    public static async Task<IncidentProvince> CreateAsync(TestApp app)
    {
        var p = await Province.CreateAsync(app, withAccounts: true);
        var more = await app.Province()
            .WithAccount("officer2", Roles.SecrecyOfficer, p.Root)
            .WithAccount("outsider", Roles.SecrecyOfficer, p.Outside)
            .WithRectificationOrder(p.Department, p.Root, new DateOnly(2026, 9, 10), new DateOnly(2026, 10, 31), deficiencyCode: "D15.3", description: "涉密人员未经保密教育上岗")
            .WithRectificationOrder(p.Health, p.Root, new DateOnly(2026, 9, 10), new DateOnly(2026, 10, 31), deficiencyCode: "D15.2", description: "未开展保密检查")
            .BuildAsync();
        var (ids, findings) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var byUnit = await db.Findings.AsNoTracking().ToDictionaryAsync(f => f.UnitId, f => f.Id);
            return (users, byUnit);
        });
        return new IncidentProvince(
            p,
            new FixedCurrentUser(ids["officer"], p.Root, Roles.SecrecyOfficer),
            new FixedCurrentUser(ids["discipline"], p.Root, Roles.DisciplineOfficial),
            new FixedCurrentUser(ids["leader"], p.Department, Roles.UnitLeader),
            new FixedCurrentUser(more.Account("officer2"), p.Root, Roles.SecrecyOfficer),
            findings[p.Department],
            findings[p.Health]);
    }

    /// <summary>A leak at the education department: occurred 2026-11-25, discovered that evening, reported three hours later.</summary>
    public IncidentInput Leak(string title = "涉密文件遗失", bool restricted = false) => new()
    {
        UnitId = P.Department,
        Title = title,
        OccurredOn = new DateOnly(2026, 11, 25),
        DiscoveredAt = new DateTime(2026, 11, 25, 20, 0, 0),
        ReportedToSecrecyDepartmentAt = new DateTime(2026, 11, 25, 23, 0, 0),
        Classification = Classification.HighlySecret,
        LeakType = LeakType.BeyondScopeNotProvable,
        Carrier = SecretCarrier.Paper,
        Description = "一份机密级文件在传递中遗失，现已追回。",
        RestrictedToNamedAccounts = restricted,
    };

    /// <summary>A leader of the file's unit through the posting held at the time.</summary>
    public static IncidentPersonInput LeaderPerson(int postingId, Involvement involvement = Involvement.LeadershipFailure, bool partyMember = true, RelatedPerson? relation = null) => new()
    {
        PostingId = postingId,
        Involvement = involvement,
        IsPartyMember = partyMember,
        Relation = relation,
    };

    /// <summary>The assessment: serious circumstances, a larger loss.</summary>
    public static IncidentAssessmentInput Assessment(CircumstanceSeverity? severity = CircumstanceSeverity.Serious, Loss loss = Loss.Larger) => new()
    {
        ReportedToSecrecyDepartmentAt = new DateTime(2026, 11, 25, 23, 0, 0),
        Severity = severity,
        Loss = loss,
    };

    public static SanctionDecisionInput Decision(AdministrativeSanction? administrative, PartySanction? party, string? justification = null) => new()
    {
        Administrative = administrative,
        Party = party,
        DecidedOn = new DateOnly(2026, 11, 26),
        DocumentNumber = "示纪〔2026〕8号",
        Justification = justification,
    };
}

internal static class IncidentTestData
{
    public static Task<T> IncidentsAsync<T>(this TestApp app, ICurrentUser actor, Func<IncidentService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<IncidentService>(sp, actor)));

    public static Task<T> PersonsAsync<T>(this TestApp app, ICurrentUser actor, Func<IncidentPersonService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<IncidentPersonService>(sp, actor)));

    public static Task<T> DbAsync<T>(this TestApp app, Func<AppDbContext, Task<T>> read) =>
        app.InScopeAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    /// <summary>Registers a file and returns its id; fails the test when refused.</summary>
    public static async Task<int> RegisterAsync(this TestApp app, ICurrentUser officer, IncidentInput input) =>
        Succeeded(await app.IncidentsAsync(officer, s => s.RegisterAsync(input))).Value;

    /// <summary>Adds a person and returns the person's id; fails the test when refused.</summary>
    public static async Task<int> AddPersonAsync(this TestApp app, ICurrentUser officer, int incidentId, IncidentPersonInput input)
    {
        Succeeded(await app.PersonsAsync(officer, s => s.AddAsync(incidentId, input)));
        return await app.DbAsync(db => db.IncidentPersons.Where(p => p.IncidentId == incidentId).MaxAsync(p => p.Id));
    }

    public static async Task AssessAsync(this TestApp app, ICurrentUser officer, int incidentId, IncidentAssessmentInput input) =>
        Succeeded(await app.IncidentsAsync(officer, async s => await s.AssessAsync(incidentId, await app.VersionOfAsync<Incident>(incidentId), input)));

    public static async Task AdvanceAsync(this TestApp app, ICurrentUser actor, int incidentId, IncidentAction action) =>
        Succeeded(await app.IncidentsAsync(actor, async s => await s.AdvanceAsync(incidentId, await app.VersionOfAsync<Incident>(incidentId), action, null)));

    public static async Task LinkAsync(this TestApp app, ICurrentUser officer, int incidentId, int findingId) =>
        Succeeded(await app.IncidentsAsync(officer, s => s.LinkFindingAsync(incidentId, findingId)));

    public static async Task GrantAsync(this TestApp app, ICurrentUser officer, int incidentId, string userName) =>
        Succeeded(await app.IncidentsAsync(officer, s => s.GrantAsync(incidentId, new IncidentGrantInput { UserName = userName })));

    public static async Task DecideAsync(this TestApp app, ICurrentUser discipline, int incidentId, int personId, SanctionDecisionInput input) =>
        Succeeded(await app.PersonsAsync(discipline, async s => await s.DecideAsync(incidentId, personId, await app.VersionOrNoneAsync<SanctionDecision>(personId), input)));

    /// <summary>
    /// A file under discipline review: the investigation started, the persons recorded, the finding linked (if any), the
    /// severity assessed, sent to review. Returns the file's id and the persons' ids in the order given.
    /// </summary>
    public static async Task<(int Id, int[] Persons)> UnderReviewAsync(this TestApp app, IncidentProvince f, int? linkedFinding, IncidentAssessmentInput assessment, params IncidentPersonInput[] persons)
    {
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.AdvanceAsync(f.Officer, id, IncidentAction.StartInvestigation);
        var ids = new List<int>();
        foreach (var person in persons)
        {
            ids.Add(await app.AddPersonAsync(f.Officer, id, person));
        }

        if (linkedFinding is { } finding)
        {
            await app.LinkAsync(f.Officer, id, finding);
        }

        await app.AssessAsync(f.Officer, id, assessment);
        await app.AdvanceAsync(f.Officer, id, IncidentAction.SendToDisciplineReview);
        return (id, [.. ids]);
    }

    public static Result Succeeded(Result? result)
    {
        Assert.NotNull(result);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result;
    }

    public static Result<T> Succeeded<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result;
    }

    /// <summary>The fields a refusal names, in order.</summary>
    public static string[] Fields(Result? result)
    {
        Assert.NotNull(result);
        Assert.False(result.Succeeded);
        return [.. result.Errors.Select(e => e.Field)];
    }
}
