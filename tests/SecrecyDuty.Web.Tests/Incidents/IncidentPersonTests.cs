using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Incidents.IncidentProvince;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// The persons involved in a file: a leader through the posting that held when the incident occurred (responsibility
/// follows who held the role at the time), or another person by name; and the sanction guidance each person gets once
/// the severity of circumstances is assessed (arts. 11–16), which a leader named only for a statement never sees.
/// </summary>
public sealed class IncidentPersonTests
{
    [Fact]
    public async Task A_leader_is_recorded_through_the_posting_that_held_when_the_incident_occurred()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        await app.AddPersonAsync(f.Officer, id, LeaderPerson(f.P.Zhang));
        var person = Assert.Single((await app.IncidentsAsync(f.Officer, s => s.OpenAsync(id)))!.Persons);

        Assert.Equal(("张教", "厅长", PostingRole.PrincipalLeader, PersonRole.PrincipalLeader, Involvement.LeadershipFailure), (person.Name, person.Post, person.PostingRole, person.Role, person.Involvement));
        Assert.Equal(f.P.Zhang, await app.DbAsync(db => db.IncidentPersons.Select(p => p.PostingId).SingleAsync()));
    }

    [Fact]
    public async Task A_posting_that_had_ended_before_the_incident_occurred_is_refused_beside_the_posting()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        var refused = await app.PersonsAsync(f.Officer, s => s.AddAsync(id, LeaderPerson(f.P.Wang)));

        Assert.Equal(["PostingId"], IncidentTestData.Fields(refused));
        Assert.Equal(0, await app.DbAsync(db => db.IncidentPersons.CountAsync()));
    }

    [Fact]
    public async Task A_posting_in_another_unit_is_refused_beside_the_posting()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        var refused = await app.PersonsAsync(f.Officer, s => s.AddAsync(id, LeaderPerson(f.P.HealthPrincipal)));

        Assert.Equal(["PostingId"], IncidentTestData.Fields(refused));
        Assert.Equal(0, await app.DbAsync(db => db.IncidentPersons.CountAsync()));
    }

    [Fact]
    public async Task The_form_offers_the_postings_that_held_at_the_time()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        var choices = await app.IncidentsAsync(f.Officer, s => s.ChoicesAsync(id));

        Assert.Equal([f.P.Zhang, f.P.Li, f.P.Zhao], choices!.Postings.Select(p => p.PostingId));
        Assert.Equal([f.Finding], choices.Findings.Select(x => x.FindingId));
    }

    [Fact]
    public async Task The_same_leader_is_recorded_on_a_file_once()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.AddPersonAsync(f.Officer, id, LeaderPerson(f.P.Zhang));

        var refused = await app.PersonsAsync(f.Officer, s => s.AddAsync(id, LeaderPerson(f.P.Zhang, Involvement.PersonalLeak)));

        Assert.Equal(["PostingId"], IncidentTestData.Fields(refused));
        Assert.Equal([Involvement.LeadershipFailure], await app.DbAsync(db => db.IncidentPersons.Select(p => p.Involvement).ToListAsync()));
    }

    [Fact]
    public async Task Art_14_another_person_is_recorded_by_name_and_post_with_the_relation_to_a_leader()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        await app.AddPersonAsync(f.Officer, id, new IncidentPersonInput
        {
            Name = " 刘某 ",
            Post = "机要秘书",
            Relation = RelatedPerson.Staff,
            RelatedPostingId = f.P.Zhang,
            Involvement = Involvement.PersonalLeak,
            IsPartyMember = true,
        });
        var person = Assert.Single((await app.IncidentsAsync(f.Officer, s => s.OpenAsync(id)))!.Persons);

        Assert.Equal(("刘某", "机要秘书", (PostingRole?)null, PersonRole.NotALeader), (person.Name, person.Post, person.PostingRole, person.Role));
        Assert.Equal((RelatedPerson.Staff, "张教", Involvement.PersonalLeak, true), (person.Relation, person.RelatedLeaderName, person.Involvement, person.IsPartyMember));
    }

    [Fact]
    public async Task Another_persons_relation_names_a_leader_who_held_a_posting_in_the_unit_at_the_time()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        var refused = await app.PersonsAsync(f.Officer, s => s.AddAsync(id, new IncidentPersonInput
        {
            Name = "刘某",
            Relation = RelatedPerson.Spouse,
            RelatedPostingId = f.P.Wang,
            Involvement = Involvement.PersonalLeak,
        }));

        Assert.Equal(["RelatedPostingId"], IncidentTestData.Fields(refused));
        Assert.Equal(0, await app.DbAsync(db => db.IncidentPersons.CountAsync()));
    }

    [Fact]
    public async Task A_person_recorded_by_mistake_is_removed_while_nothing_is_decided()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        var person = await app.AddPersonAsync(f.Officer, id, LeaderPerson(f.P.Zhao));

        IncidentTestData.Succeeded(await app.PersonsAsync(f.Officer, s => s.RemoveAsync(id, person)));

        Assert.Equal(0, await app.DbAsync(db => db.IncidentPersons.CountAsync()));
    }

    [Fact]
    public async Task A_person_with_a_decision_stays_on_the_file()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await app.UnderReviewAsync(f, null, Assessment(), LeaderPerson(f.P.Zhang));
        await app.DecideAsync(f.Discipline, id, persons[0], Decision(null, null));

        var byOfficer = await app.PersonsAsync(f.Officer, s => s.RemoveAsync(id, persons[0]));
        var byDiscipline = await app.PersonsAsync(f.Discipline, s => s.RemoveAsync(id, persons[0]));

        Assert.Equal("A decision is recorded on this person: the person stays on the file.", Assert.Single(byOfficer!.Errors).Message);
        Assert.False(byDiscipline!.Succeeded);
        Assert.Equal((1, 1), await app.DbAsync(async db => (await db.IncidentPersons.CountAsync(), await db.SanctionDecisions.CountAsync())));
    }

    [Fact]
    public async Task Art_16_the_guidance_appears_on_each_person_once_the_severity_of_circumstances_is_assessed()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.AddPersonAsync(f.Officer, id, LeaderPerson(f.P.Zhang));
        await app.AddPersonAsync(f.Officer, id, new IncidentPersonInput { Name = "刘某", Involvement = Involvement.PersonalLeak, IsPartyMember = true });
        await app.LinkAsync(f.Officer, id, f.Finding);

        var before = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));
        await app.AssessAsync(f.Officer, id, Assessment(CircumstanceSeverity.Serious, Loss.Larger));
        var after = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));

        Assert.True(before!.GuidanceWaitsForSeverity);
        Assert.All(before.Persons, p => Assert.Null(p.Guidance));
        Assert.False(after!.GuidanceWaitsForSeverity);
        var leader = after.Persons[0].Guidance!;
        Assert.Equal(["R11", "R16a", "PD109.2a"], leader.Provisions.Select(p => p.Code));
        Assert.Equal([AdministrativeSanction.Warning, AdministrativeSanction.Demerit], leader.Administrative);
        Assert.Equal([PartySanction.Warning, PartySanction.SeriousWarning], leader.Party);
        Assert.Equal(["IM29", "PD109.1b"], after.Persons[1].Guidance!.Provisions.Select(p => p.Code));
    }

    [Fact]
    public async Task A_leader_named_only_for_a_statement_reads_the_facts_but_not_the_guidance_decisions_proposals_or_openings()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await app.UnderReviewAsync(f, f.Finding, Assessment(), LeaderPerson(f.P.Zhang));
        await app.GrantAsync(f.Officer, id, "leader");
        await app.DecideAsync(f.Discipline, id, persons[0], Decision(AdministrativeSanction.Demerit, PartySanction.SeriousWarning));
        await app.AdvanceAsync(f.Discipline, id, IncidentAction.Decide);
        await app.DbAsync(async db =>
        {
            var leaderId = await db.Postings.Where(p => p.Id == f.P.Zhang).Select(p => p.LeaderId).SingleAsync();
            db.Proposals.Add(new Proposal
            {
                Kind = ProposalKind.Sanction,
                LeaderId = leaderId,
                UnitId = f.P.Department,
                Body = ProposingBody.SecrecyDepartment,
                BodyUnitId = f.P.Root,
                Recipient = "省委组织部",
                Basis = ProposalBasis.Incident,
                BasisDescription = "泄密事件",
                IncidentId = id,
                Content = "建议给予记过处分",
                SentOn = new DateOnly(2026, 11, 26),
                FeedbackDueOn = new DateOnly(2026, 12, 26),
                CreatedAtUtc = new DateTime(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc),
                CreatedBy = "officer",
            });
            return await db.SaveChangesAsync();
        });
        var byDiscipline = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));
        Assert.NotNull(byDiscipline!.Persons[0].Guidance);
        Assert.NotNull(byDiscipline.Persons[0].Decision);
        Assert.Single(byDiscipline.Proposals);

        var byLeader = await app.IncidentsAsync(f.Leader, s => s.OpenAsync(id));

        Assert.NotNull(byLeader);
        Assert.Equal("张教", Assert.Single(byLeader.Persons).Name);
        Assert.Null(byLeader.Persons[0].Guidance);
        Assert.Null(byLeader.Persons[0].Decision);
        Assert.Empty(byLeader.Proposals);
        Assert.Empty(byLeader.Openings);
        Assert.Empty(byLeader.LinkedFindings);
        Assert.Empty(byLeader.Grantees);
        Assert.Equal(new IncidentPermissions(false, false, false, false), byLeader.May);
    }

    [Fact]
    public async Task A_leader_granted_on_an_open_file_reads_it_without_the_guidance_and_changes_nothing()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.AdvanceAsync(f.Officer, id, IncidentAction.StartInvestigation);
        await app.AddPersonAsync(f.Officer, id, LeaderPerson(f.P.Zhang));
        await app.AssessAsync(f.Officer, id, Assessment());
        await app.GrantAsync(f.Officer, id, "leader");

        var opened = await app.IncidentsAsync(f.Leader, s => s.OpenAsync(id));
        var assessed = await app.IncidentsAsync(f.Leader, async s => await s.AssessAsync(id, await app.VersionOfAsync<Incident>(id), Assessment(CircumstanceSeverity.EspeciallyMinor, Loss.None)));
        var added = await app.PersonsAsync(f.Leader, s => s.AddAsync(id, LeaderPerson(f.P.Li)));

        Assert.Null(Assert.Single(opened!.Persons).Guidance);
        Assert.False(opened.May.Edit);
        Assert.Null(assessed);
        Assert.Null(added);
        Assert.Equal((CircumstanceSeverity.Serious, 1), await app.DbAsync(async db => (await db.Incidents.Select(i => i.Severity).SingleAsync(), await db.IncidentPersons.CountAsync())));
    }
}
