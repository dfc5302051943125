using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Incidents.IncidentProvince;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// Issue 14, "No lost updates": an incident file's assessment, its next step and a decision on a person, each by two
/// people at once (docs/decisions/0020).
/// </summary>
public sealed class IncidentEditConflictTests
{
    private static async Task<(IncidentProvince F, int Id, int Person)> InvestigatedAsync(TestApp app)
    {
        var f = await IncidentProvince.CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.AdvanceAsync(f.Officer, id, IncidentAction.StartInvestigation);
        var person = await app.AddPersonAsync(f.Officer, id, LeaderPerson(f.P.Li));
        return (f, id, person);
    }

    private static Task<Incident> StoredAsync(TestApp app, int id) => app.DbAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task The_second_assessor_of_a_file_sees_the_first_ones_save_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var (_, id, _) = await InvestigatedAsync(app);
        var first = await app.SignedInAsync("officer");
        var second = await app.SignedInAsync("officer2");
        var url = $"/Incidents/Assess/{id}";
        var firstForm = await TestApp.GetFormAsync(first, url, "#assessment-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#assessment-form");

        await AssertSavedAsync(await first.PostAsync(url, firstForm.With(("Input.RemedialMeasures", "已追回文件，开展全员保密教育。")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(url, secondForm.With(("Input.Severity", nameof(CircumstanceSeverity.Serious))).ToContent()));

        var stored = await StoredAsync(app, id);
        Assert.Equal(("已追回文件，开展全员保密教育。", (CircumstanceSeverity?)null), (stored.RemedialMeasures, stored.Severity));
        var fields = Fields(conflict);
        Assert.Equal(("已追回文件，开展全员保密教育。", "（无）"), fields["补救措施和整改方案（S6.10）"]);
        Assert.Equal(("（无）", "情节严重"), fields["情节轻重"]);
        await AssertSavedAsync(await second.PostAsync(url, Form(conflict, "#assessment-form").ToContent()));
        stored = await StoredAsync(app, id);
        Assert.Equal(((string?)null, CircumstanceSeverity.Serious), (stored.RemedialMeasures, stored.Severity));
    }

    [Fact]
    public async Task A_step_taken_on_a_page_opened_before_the_assessment_changed_is_refused_until_taken_again()
    {
        using var app = TestApp.Rent();
        var (f, id, _) = await InvestigatedAsync(app);
        var second = await app.SignedInAsync("officer2");
        var step = await TestApp.GetFormAsync(second, $"/Incidents/Details/{id}", "#advance-form");
        await app.AssessAsync(f.Officer, id, Assessment(CircumstanceSeverity.Ordinary));

        var conflict = await AssertConflictAsync(await second.PostAsync($"/Incidents/Details/{id}?handler=Advance", step.With(("step", nameof(IncidentAction.SendToDisciplineReview))).ToContent()));

        Assert.Equal(IncidentStatus.UnderInvestigation, (await StoredAsync(app, id)).Status);
        Assert.Equal(("情节一般", null), Fields(conflict)["情节轻重"]);
        await AssertSavedAsync(await second.PostAsync($"/Incidents/Details/{id}?handler=Advance", Form(conflict, "#advance-form").With(("step", nameof(IncidentAction.SendToDisciplineReview))).ToContent()));
        Assert.Equal(IncidentStatus.UnderDisciplineReview, (await StoredAsync(app, id)).Status);
    }

    [Fact]
    public async Task The_second_decision_on_a_person_is_shown_the_first_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var f = await IncidentProvince.CreateAsync(app);
        await app.Province().WithAccount("discipline2", Roles.DisciplineOfficial, f.P.Root, displayName: "赵纪检").BuildAsync();
        var (id, persons) = await app.UnderReviewAsync(f, null, Assessment(), LeaderPerson(f.P.Li));
        var window1 = await app.SignedInAsync("discipline2");
        var window2 = await app.SignedInAsync("discipline");
        var url = $"/Incidents/Decision/{id}/{persons[0]}";
        var first = await TestApp.GetFormAsync(window1, url, "#decision-form");
        var second = await TestApp.GetFormAsync(window2, url, "#decision-form");
        Assert.Equal("0", second["Version"]);

        await AssertSavedAsync(await window1.PostAsync(url, first.With(
            ("Input.Administrative", nameof(AdministrativeSanction.Warning)), ("Input.Party", nameof(PartySanction.Warning)), ("Input.DocumentNumber", "示纪〔2026〕8号"),
            ("Input.Justification", "主动报告，积极挽回。")).ToContent()));
        var conflict = await AssertConflictAsync(await window2.PostAsync(url, second.With(
            ("Input.Administrative", nameof(AdministrativeSanction.Demerit)), ("Input.Party", nameof(PartySanction.Warning)), ("Input.DocumentNumber", "示纪〔2026〕9号"),
            ("Input.Justification", "拒不配合调查。")).ToContent()));

        var stored = await app.DbAsync(db => db.SanctionDecisions.AsNoTracking().SingleAsync(d => d.IncidentPersonId == persons[0]));
        Assert.Equal((AdministrativeSanction.Warning, "示纪〔2026〕8号"), (stored.Administrative!.Value, stored.DocumentNumber));
        Assert.Contains("赵纪检 (discipline2)", Saved(conflict), StringComparison.Ordinal);
        Assert.Equal(("示纪〔2026〕8号", "示纪〔2026〕9号"), Fields(conflict)["文号"]);
        await AssertSavedAsync(await window2.PostAsync(url, Form(conflict, "#decision-form").ToContent()));
        stored = await app.DbAsync(db => db.SanctionDecisions.AsNoTracking().SingleAsync(d => d.IncidentPersonId == persons[0]));
        Assert.Equal((AdministrativeSanction.Demerit, "示纪〔2026〕9号"), (stored.Administrative!.Value, stored.DocumentNumber));
    }
}
