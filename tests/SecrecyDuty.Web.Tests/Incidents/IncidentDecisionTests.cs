using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Core.Incidents.Sanctions.AdministrativeSanction;
using static SecrecyDuty.Web.Tests.Incidents.IncidentProvince;
using P = SecrecyDuty.Core.Incidents.Sanctions.PartySanction;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// The decisions (arts. 11–16): recorded by a discipline official while the file is under discipline review, checked
/// against the guidance: outside its range only with a written justification; a Party sanction only for a Party member;
/// the file is decided once every person has a decision. The principal leader 张教 failed to lead secrecy work, a linked
/// D15.3 finding led to the leak, serious circumstances, a larger loss: art. 16 (warning or demerit) and PD109.2a
/// (warning or serious warning).
/// </summary>
public sealed class IncidentDecisionTests
{
    private static Task<(int Id, int[] Persons)> PrincipalLeaderUnderReviewAsync(TestApp app, IncidentProvince f, params IncidentPersonInput[] more) =>
        app.UnderReviewAsync(f, f.Finding, Assessment(CircumstanceSeverity.Serious, Loss.Larger), [LeaderPerson(f.P.Zhang), .. more]);

    private static Task<int> DecisionCountAsync(TestApp app) => app.DbAsync(db => db.SanctionDecisions.CountAsync());

    [Fact]
    public async Task The_decision_form_shows_the_person_with_the_guidance()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);

        var form = await app.PersonsAsync(f.Discipline, s => s.DecisionFormAsync(id, persons[0]));

        Assert.Equal("张教", form!.Person.Name);
        Assert.Equal(["R11", "R16a", "PD109.2a"], form.Person.Guidance!.Provisions.Select(p => p.Code));
        Assert.Null(form.Person.Decision);
    }

    [Fact]
    public async Task Arts_11_16_only_a_discipline_official_decides()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);

        var form = await app.PersonsAsync(f.Officer, s => s.DecisionFormAsync(id, persons[0]));
        var decided = await app.PersonsAsync(f.Officer, async s => await s.DecideAsync(id, persons[0], await app.VersionOrNoneAsync<SanctionDecision>(persons[0]), Decision(Warning, P.Warning)));

        Assert.Null(form);
        Assert.Null(decided);
        Assert.Equal(0, await DecisionCountAsync(app));
    }

    [Fact]
    public async Task Arts_11_16_decisions_wait_until_the_file_is_under_discipline_review()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.AdvanceAsync(f.Officer, id, IncidentAction.StartInvestigation);
        var person = await app.AddPersonAsync(f.Officer, id, LeaderPerson(f.P.Zhang));
        await app.AssessAsync(f.Officer, id, Assessment());

        var form = await app.PersonsAsync(f.Discipline, s => s.DecisionFormAsync(id, person));
        var decided = await app.PersonsAsync(f.Discipline, async s => await s.DecideAsync(id, person, await app.VersionOrNoneAsync<SanctionDecision>(person), Decision(Warning, P.Warning)));

        Assert.Null(form);
        Assert.Null(decided);
        Assert.Equal(0, await DecisionCountAsync(app));
    }

    [Fact]
    public async Task A_decision_within_the_range_is_saved_as_within_the_guidance()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);

        await app.DecideAsync(f.Discipline, id, persons[0], Decision(Demerit, P.SeriousWarning));

        var stored = await app.DbAsync(db => db.SanctionDecisions.AsNoTracking().SingleAsync());
        Assert.Equal((persons[0], id, f.P.Department), (stored.IncidentPersonId, stored.IncidentId, stored.UnitId));
        Assert.Equal((Demerit, P.SeriousWarning, new DateOnly(2026, 11, 26), "示纪〔2026〕8号"), (stored.Administrative!.Value, stored.Party!.Value, stored.DecidedOn, stored.DocumentNumber));
        Assert.False(stored.OutsideGuidance);
        Assert.Null(stored.Justification);
        Assert.Equal(f.Discipline.UserName, stored.RecordedBy);
    }

    [Fact]
    public async Task A_decision_outside_the_range_without_a_justification_is_refused_beside_the_justification_and_nothing_is_saved()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);

        var refused = await app.PersonsAsync(f.Discipline, async s => await s.DecideAsync(id, persons[0], await app.VersionOrNoneAsync<SanctionDecision>(persons[0]), Decision(MajorDemerit, P.SeriousWarning, justification: "  ")));

        Assert.Equal(["Justification"], IncidentTestData.Fields(refused));
        Assert.Equal(0, await DecisionCountAsync(app));
    }

    [Fact]
    public async Task A_severity_cleared_under_review_leaves_no_guidance_and_no_decision_is_taken_unchecked()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);
        await app.AssessAsync(f.Discipline, id, Assessment(severity: null));

        var refused = await app.PersonsAsync(f.Discipline, async s => await s.DecideAsync(id, persons[0], await app.VersionOrNoneAsync<SanctionDecision>(persons[0]), Decision(Dismissal, P.Expulsion)));

        Assert.Equal("Assess the severity of circumstances first: a decision is checked against the sanction guidance, which needs it.", Assert.Single(refused!.Errors).Message);
        Assert.Equal(0, await DecisionCountAsync(app));
    }

    [Fact]
    public async Task No_sanction_against_a_range_is_outside_the_guidance_too()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);

        var refused = await app.PersonsAsync(f.Discipline, async s => await s.DecideAsync(id, persons[0], await app.VersionOrNoneAsync<SanctionDecision>(persons[0]), Decision(null, null)));

        Assert.Equal(["Justification"], IncidentTestData.Fields(refused));
        Assert.Equal(0, await DecisionCountAsync(app));
    }

    [Fact]
    public async Task A_decision_outside_the_range_with_a_written_justification_is_saved_as_outside_the_guidance()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);

        await app.DecideAsync(f.Discipline, id, persons[0], Decision(MajorDemerit, P.SeriousWarning, justification: " 拒不配合调查，从重处理 "));

        var stored = await app.DbAsync(db => db.SanctionDecisions.AsNoTracking().SingleAsync());
        Assert.Equal((MajorDemerit, true, "拒不配合调查，从重处理"), (stored.Administrative!.Value, stored.OutsideGuidance, stored.Justification));
        var shown = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));
        Assert.Equal((true, "拒不配合调查，从重处理"), (shown!.Persons[0].Decision!.OutsideGuidance, shown.Persons[0].Decision!.Justification));
    }

    [Fact]
    public async Task A_corrected_decision_is_judged_again_against_the_guidance()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);
        await app.DecideAsync(f.Discipline, id, persons[0], Decision(MajorDemerit, P.SeriousWarning, justification: "从重处理"));

        await app.DecideAsync(f.Discipline, id, persons[0], Decision(Warning, P.Warning));

        var stored = await app.DbAsync(db => db.SanctionDecisions.AsNoTracking().SingleAsync());
        Assert.Equal((Warning, P.Warning, false, (string?)null), (stored.Administrative!.Value, stored.Party!.Value, stored.OutsideGuidance, stored.Justification));
    }

    [Fact]
    public async Task Only_a_Party_member_receives_a_Party_sanction_and_nothing_is_saved()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await app.UnderReviewAsync(f, f.Finding, Assessment(), LeaderPerson(f.P.Zhang, partyMember: false));

        var refused = await app.PersonsAsync(f.Discipline, async s => await s.DecideAsync(id, persons[0], await app.VersionOrNoneAsync<SanctionDecision>(persons[0]), Decision(Warning, P.Warning, justification: "情节恶劣")));

        Assert.Equal(["Party"], IncidentTestData.Fields(refused));
        Assert.Equal(0, await DecisionCountAsync(app));
    }

    [Fact]
    public async Task A_decision_before_the_discovery_is_refused_beside_its_date()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);
        var input = Decision(Warning, P.Warning);
        input.DecidedOn = new DateOnly(2026, 11, 24);

        var refused = await app.PersonsAsync(f.Discipline, async s => await s.DecideAsync(id, persons[0], await app.VersionOrNoneAsync<SanctionDecision>(persons[0]), input));

        Assert.Equal(["DecidedOn"], IncidentTestData.Fields(refused));
        Assert.Equal(0, await DecisionCountAsync(app));
    }

    [Fact]
    public async Task The_file_is_decided_only_once_every_person_has_a_decision()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f, LeaderPerson(f.P.Li));
        await app.DecideAsync(f.Discipline, id, persons[0], Decision(Warning, P.Warning));

        var refused = await app.IncidentsAsync(f.Discipline, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.Decide, null));
        var status = await app.DbAsync(db => db.Incidents.Select(i => i.Status).SingleAsync());
        await app.DecideAsync(f.Discipline, id, persons[1], Decision(Demerit, P.SeriousWarning));
        var decided = await app.IncidentsAsync(f.Discipline, async s => await s.AdvanceAsync(id, await app.VersionOfAsync<Incident>(id), IncidentAction.Decide, null));

        Assert.Equal("Record a decision on every person involved before marking the file decided.", Assert.Single(refused!.Errors).Message);
        Assert.Equal(IncidentStatus.UnderDisciplineReview, status);
        Assert.True(decided!.Succeeded);
        Assert.Equal(IncidentStatus.Decided, await app.DbAsync(db => db.Incidents.Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_decided_file_takes_no_more_decisions()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await PrincipalLeaderUnderReviewAsync(app, f);
        await app.DecideAsync(f.Discipline, id, persons[0], Decision(Warning, P.Warning));
        await app.AdvanceAsync(f.Discipline, id, IncidentAction.Decide);

        var changed = await app.PersonsAsync(f.Discipline, async s => await s.DecideAsync(id, persons[0], await app.VersionOrNoneAsync<SanctionDecision>(persons[0]), Decision(Demerit, P.SeriousWarning)));

        Assert.Null(changed);
        Assert.Equal(Warning, await app.DbAsync(db => db.SanctionDecisions.Select(d => d.Administrative!.Value).SingleAsync()));
    }
}
