using System.Text.RegularExpressions;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// Journey 3 (docs/domain.md), in Chinese over the demo province: the secrecy office registers a leak at 示范省教育考试院 under
/// the no-secret-content warning, records the principal leader involved, links the inspection finding (D15.5) that led to it,
/// records what the investigation established, and
/// sends the file to discipline review; the discipline official opens it, reads the provisions and sanction ranges with
/// their citations beside the leader, records the decision within them and marks the file decided; the secrecy office
/// proposes the sanction to the cadre-management organ, and the proposal waits for its feedback.
/// </summary>
public sealed class IncidentJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Title = "考试院涉密文件超范围传阅事件";

    [BrowserFact]
    public async Task A_discipline_official_decides_on_an_incident_file_beside_the_sanction_guidance_and_the_proposal_waits_for_feedback()
    {
        // The secrecy office registers the file: the clock runs from the discovery (now).
        var officer = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(officer)).SignInAsync("officer");
        var register = await IncidentRegistrationForm.OpenAsync(officer);
        await Expect(register.NoSecretContentWarning).ToContainTextAsync("严禁录入涉密内容");
        await register.ChooseUnitAsync("考试院", "示范省教育考试院");
        await register.FillAsync(Title, "Secret", "BeyondScopeNotProvable", "Paper", "一份文件在传阅中超出了限定的知悉范围，不能证明未被不应知悉者知悉；文件已收回。");
        await register.ScreenshotAsync("51-incident-register");
        var file = await register.RegisterAsync();
        await Expect(file.Status).ToHaveAttributeAsync("data-status", "Registered");
        await Expect(file.Clock).ToHaveAttributeAsync("data-clock", "Running");

        // The investigation: the principal leader failed to lead secrecy work, the technical protection the inspection found
        // missing (D15.5) led to the leak, and the report was made within the hours allowed.
        await file.StepAsync("StartInvestigation");
        await Expect(file.Status).ToHaveAttributeAsync("data-status", "UnderInvestigation");
        var person = await file.AddPersonAsync();
        await person.ChooseLeaderAsync("主要领导");
        await person.ChooseInvolvementAsync("LeadershipFailure");
        await person.MarkPartyMemberAsync();
        await person.ScreenshotAsync("52-incident-person");
        file = await person.AddAsync();
        var leader = await file.PersonNameAsync(0);
        await file.LinkFindingAsync("D15.5");
        await Expect(file.LinkedFindings).ToHaveCountAsync(1);
        var assessment = await file.AssessAsync();
        await assessment.FillAsync(DateTime.Now, "Ordinary", "Larger", "收回文件，核查知悉范围，修订文件传阅登记制度。");
        await assessment.ScreenshotAsync("53-incident-assessment");
        file = await assessment.SaveAsync();
        await Expect(file.Clock).ToHaveAttributeAsync("data-clock", "ReportedInTime");
        await file.StepAsync("SendToDisciplineReview");
        await Expect(file.Status).ToHaveAttributeAsync("data-status", "UnderDisciplineReview");

        // The discipline official opens the file and reads the guidance beside the leader: art. 11, art. 16 (a D15 deficiency
        // led to the leak and the leader did not prove proper performance) and PD109 para. 2 (a larger loss).
        var discipline = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(discipline)).SignInAsync("discipline");
        var list = await IncidentListPage.OpenAsync(discipline);
        await Expect(list.Row(Title)).ToHaveAttributeAsync("data-status", "UnderDisciplineReview");
        var reviewed = await list.OpenFileAsync(Title);
        Assert.Equal(["R11", "R16a", "PD109.2a"], await reviewed.Provisions(leader).EvaluateAllAsync<string[]>("ps => ps.map(p => p.dataset.code)"));
        await Expect(reviewed.Provisions(leader).Nth(0)).ToContainTextAsync("第十一条");
        await Expect(reviewed.Provisions(leader).Nth(1)).ToContainTextAsync("第十六条");
        await Expect(reviewed.PermittedAdministrative(leader)).ToHaveTextAsync("警告、记过");
        await Expect(reviewed.PermittedParty(leader)).ToHaveTextAsync("党内警告、党内严重警告");
        await reviewed.ScreenshotAsync("54-incident-guidance", reviewed.Person(leader));

        // The decision, within both ranges: a warning and a Party warning.
        var decision = await reviewed.RecordDecisionAsync(leader);
        await Expect(decision.Guidance).ToContainTextAsync("PD109.2a");
        await decision.FillAsync("Warning", "Warning", "示纪发〔2026〕21号");
        await decision.ScreenshotAsync("55-incident-decision");
        reviewed = await decision.RecordAsync();
        await Expect(reviewed.Decision(leader)).ToContainTextAsync("党内警告");
        await Expect(reviewed.Decision(leader)).ToHaveClassAsync(new Regex(@"\bborder-success\b"));
        await reviewed.StepAsync("Decide");
        await Expect(reviewed.Status).ToHaveAttributeAsync("data-status", "Decided");
        await reviewed.ScreenshotAsync("56-incident-decided", reviewed.Person(leader));

        // The secrecy office proposes the sanction to the cadre-management organ (art. 17); it waits for the feedback.
        await officer.GotoAsync($"/Incidents/Details/{reviewed.FileId}");
        file = new IncidentFilePage(officer);
        var proposal = await file.ProposeSanctionAsync();
        await Expect(proposal.RestsOnIncident).ToBeVisibleAsync();
        await Expect(proposal.Kind).ToHaveValueAsync("Sanction");
        await Expect(proposal.Basis).ToHaveValueAsync("Incident");
        await proposal.FillAsync("中共示范省委组织部", "建议对该同志给予警告和党内警告处分，并在全省教育系统通报。");
        await proposal.ScreenshotAsync("57-incident-proposal");
        var sent = await proposal.SendAsync();
        await Expect(sent.Page.Locator("#proposal-state")).ToHaveAttributeAsync("data-state", "AwaitingFeedback");
        await officer.GotoAsync($"/Incidents/Details/{reviewed.FileId}");
        await Expect(file.Proposals).ToHaveCountAsync(1);
        await Expect(file.Proposals.First).ToHaveAttributeAsync("data-state", "AwaitingFeedback");
        await file.ScreenshotAsync("58-incident-proposal-waiting", officer.Locator("#incident-proposals"));
    }
}
