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
/// Incident files: registered by the secrecy office, read only by secrecy officers and discipline officials of the
/// jurisdiction (or the accounts named on a need-to-know file), every opening recorded; the reporting clock; the workflow.
/// </summary>
public sealed class IncidentServiceTests
{
    private static Task<T> IncidentsAsync<T>(TestApp app, ICurrentUser actor, Func<IncidentService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<IncidentService>(sp, actor)));

    /// <summary>The test clock is 2026-11-27 09:00 +08:00; discovered more than a day before, reported within hours or not.</summary>
    private static IncidentInput Leak(Province p, bool reported = true, bool restricted = false) => new()
    {
        UnitId = p.Department,
        Title = "涉密文件遗失",
        OccurredOn = new DateOnly(2026, 11, 25),
        DiscoveredAt = new DateTime(2026, 11, 25, 20, 0, 0),
        ReportedToSecrecyDepartmentAt = reported ? new DateTime(2026, 11, 25, 23, 0, 0) : null,
        Classification = Classification.Secret,
        LeakType = LeakType.BeyondScopeNotProvable,
        Carrier = SecretCarrier.Paper,
        Description = "一份秘密级文件在传递中遗失，现已追回。",
        RestrictedToNamedAccounts = restricted,
    };

    private static async Task<(Province P, FixedCurrentUser Officer, FixedCurrentUser Discipline)> ProvinceAsync(TestApp app)
    {
        var p = await Province.CreateAsync(app, withAccounts: true);
        var ids = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "officer" || u.UserName == "discipline").ToDictionaryAsync(u => u.UserName!, u => u.Id));
        return (p, new FixedCurrentUser(ids["officer"], p.Root, Roles.SecrecyOfficer), new FixedCurrentUser(ids["discipline"], p.Root, Roles.DisciplineOfficial));
    }

    [Fact]
    public async Task A_registered_file_is_opened_by_the_discipline_official_and_the_opening_is_recorded()
    {
        using var app = TestApp.Rent();
        var (p, officer, discipline) = await ProvinceAsync(app);

        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p)))).Value;
        var opened = await IncidentsAsync(app, discipline, s => s.OpenAsync(id));

        Assert.Equal((IncidentStatus.Registered, ReportClockState.ReportedInTime, false), (opened!.Status, opened.Clock, opened.SuggestsLateReportFinding));
        Assert.Equal(IncidentAction.Register, Assert.Single(opened.History).Action);
        var openings = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IncidentOpenings.AsNoTracking().Select(o => o.UserName).ToListAsync());
        Assert.Equal([discipline.UserName!], openings);
    }

    [Fact]
    public async Task A_report_not_made_within_the_hours_allowed_is_overdue_and_suggests_D15_8()
    {
        using var app = TestApp.Rent();
        var (p, officer, _) = await ProvinceAsync(app);

        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p, reported: false)))).Value;
        var opened = await IncidentsAsync(app, officer, s => s.OpenAsync(id));

        Assert.Equal(ReportClockState.Overdue, opened!.Clock);
        Assert.True(opened.SuggestsLateReportFinding);
        Assert.Equal("D15.8", IncidentRules.LateReportDeficiency);
    }

    [Fact]
    public async Task Nobody_but_secrecy_officers_and_discipline_officials_of_the_jurisdiction_reaches_a_file()
    {
        using var app = TestApp.Rent();
        var (p, officer, _) = await ProvinceAsync(app);
        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p)))).Value;

        foreach (var outsider in new ICurrentUser[] { p.Leader, p.Supervisor, new FixedCurrentUser("admin", p.Root, Roles.Administrator), p.HealthOfficer })
        {
            Assert.Null(await IncidentsAsync(app, outsider, s => s.OpenAsync(id)));
            Assert.Equal(0, (await IncidentsAsync(app, outsider, s => s.ListAsync(new IncidentFilter(), 1, 25))).TotalCount);
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => IncidentsAsync(app, p.Leader, s => s.RegisterAsync(Leak(p))));
    }

    [Fact]
    public async Task A_need_to_know_file_opens_only_for_the_accounts_named_on_it()
    {
        using var app = TestApp.Rent();
        var (p, officer, discipline) = await ProvinceAsync(app);

        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p, restricted: true)))).Value;

        Assert.NotNull(await IncidentsAsync(app, officer, s => s.OpenAsync(id)));
        Assert.Null(await IncidentsAsync(app, discipline, s => s.OpenAsync(id)));
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.IncidentGrants.Add(new IncidentGrant { IncidentId = id, UserId = discipline.UserId! });
            await db.SaveChangesAsync();
        });
        Assert.NotNull(await IncidentsAsync(app, discipline, s => s.OpenAsync(id)));
    }

    [Fact]
    public async Task The_secrecy_office_investigates_and_the_discipline_official_decides_one_step_at_a_time()
    {
        using var app = TestApp.Rent();
        var (p, officer, discipline) = await ProvinceAsync(app);
        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p)))).Value;

        var skipped = await IncidentsAsync(app, officer, s => s.SendToReviewSkippingAsync(id));
        IncidentTestData.Succeeded(await IncidentsAsync(app, officer, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.StartInvestigation, "成立调查组")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => IncidentsAsync(app, officer, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.Decide, null)));
        var person = await app.AddPersonAsync(officer, id, IncidentProvince.LeaderPerson(p.Zhang));
        await app.AssessAsync(officer, id, IncidentProvince.Assessment());
        IncidentTestData.Succeeded(await IncidentsAsync(app, officer, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.SendToDisciplineReview, null)));
        await app.DecideAsync(discipline, id, person, IncidentProvince.Decision(null, null));
        IncidentTestData.Succeeded(await IncidentsAsync(app, discipline, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.Decide, "给予警告处分")));
        var opened = await IncidentsAsync(app, discipline, s => s.OpenAsync(id));

        Assert.False(skipped!.Succeeded);
        Assert.Equal(IncidentStatus.Decided, opened!.Status);
        Assert.Equal([IncidentAction.Register, IncidentAction.StartInvestigation, IncidentAction.SendToDisciplineReview, IncidentAction.Decide], opened.History.Select(h => h.Action));
        Assert.Equal([IncidentAction.Close], opened.NextSteps);
    }

    [Fact]
    public async Task A_file_goes_to_discipline_review_only_with_the_persons_involved_recorded()
    {
        using var app = TestApp.Rent();
        var (p, officer, _) = await ProvinceAsync(app);
        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p)))).Value;
        await app.AdvanceAsync(officer, id, IncidentAction.StartInvestigation);
        await app.AssessAsync(officer, id, IncidentProvince.Assessment());

        var refused = await IncidentsAsync(app, officer, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.SendToDisciplineReview, null));

        Assert.Equal("Record the persons involved before sending the file to discipline review.", Assert.Single(refused!.Errors).Message);
        Assert.Equal(IncidentStatus.UnderInvestigation, await app.DbAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
        Assert.Equal(2, await app.DbAsync(db => db.IncidentTransitions.CountAsync(t => t.IncidentId == id)));
    }

    [Fact]
    public async Task A_file_goes_to_discipline_review_only_with_the_severity_of_circumstances_assessed()
    {
        using var app = TestApp.Rent();
        var (p, officer, _) = await ProvinceAsync(app);
        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p)))).Value;
        await app.AdvanceAsync(officer, id, IncidentAction.StartInvestigation);
        await app.AddPersonAsync(officer, id, IncidentProvince.LeaderPerson(p.Zhang));
        await app.AssessAsync(officer, id, IncidentProvince.Assessment(severity: null));

        var refused = await IncidentsAsync(app, officer, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.SendToDisciplineReview, null));
        await app.AssessAsync(officer, id, IncidentProvince.Assessment(CircumstanceSeverity.Minor));
        var sent = await IncidentsAsync(app, officer, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.SendToDisciplineReview, null));

        Assert.Equal("Assess the severity of circumstances before sending the file to discipline review: the sanction guidance needs it.", Assert.Single(refused!.Errors).Message);
        Assert.True(sent!.Succeeded);
        Assert.Equal(IncidentStatus.UnderDisciplineReview, await app.DbAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(IncidentAction.Register)]
    [InlineData((IncidentAction)99)]
    public async Task A_step_the_file_never_offers_is_refused_with_the_reason_not_as_forbidden(IncidentAction step)
    {
        using var app = TestApp.Rent();
        var (p, officer, _) = await ProvinceAsync(app);
        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p)))).Value;

        // The form posts its buttons' steps; one left out binds as the first of them, Register, and was answered 403.
        var refused = await IncidentsAsync(app, officer, s => s.AdvanceAsync(id, Versions.First, step, null));

        Assert.StartsWith("This step does not follow from where the file stands", Assert.Single(refused!.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Registered, await app.DbAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_note_on_a_step_over_4000_characters_is_refused_and_the_file_stays_where_it_was()
    {
        using var app = TestApp.Rent();
        var (p, officer, _) = await ProvinceAsync(app);
        var id = (await IncidentsAsync(app, officer, s => s.RegisterAsync(Leak(p)))).Value;

        // The column holds 4,000 characters: SQL Server refused a longer note with an error page, SQLite kept it whole.
        var refused = await IncidentsAsync(app, officer, s => s.AdvanceAsync(id, Versions.First, IncidentAction.StartInvestigation, new string('记', 4001)));
        var taken = await IncidentsAsync(app, officer, s => s.AdvanceAsync(id, Versions.First, IncidentAction.StartInvestigation, new string('记', 4000)));

        Assert.Equal("The note on a step has at most 4000 characters.", Assert.Single(refused!.Errors).Message);
        Assert.True(taken!.Succeeded);
        Assert.Equal(4000, await app.DbAsync(db => db.IncidentTransitions.Where(t => t.IncidentId == id && t.Action == IncidentAction.StartInvestigation).Select(t => t.Note!.Length).SingleAsync()));
    }

    [Fact]
    public async Task A_file_without_what_it_needs_is_refused_field_by_field_and_nothing_is_written()
    {
        using var app = TestApp.Rent();
        var (p, officer, _) = await ProvinceAsync(app);
        var input = Leak(p);
        input.Title = " ";
        input.Classification = null;
        input.ReportedToSecrecyDepartmentAt = new DateTime(2026, 11, 25, 19, 0, 0);

        var result = await IncidentsAsync(app, officer, s => s.RegisterAsync(input));

        Assert.Equal(["Title", "ReportedToSecrecyDepartmentAt", "Classification"], result.Errors.Select(e => e.Field));
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Incidents.CountAsync()));
    }
}

internal static class IncidentServiceTestSteps
{
    /// <summary>Sending a registered file straight to discipline review skips the investigation.</summary>
    public static Task<SecrecyDuty.Core.Common.Result?> SendToReviewSkippingAsync(this IncidentService service, int id) =>
        service.AdvanceAsync(id, Versions.First, IncidentAction.SendToDisciplineReview, null);
}
