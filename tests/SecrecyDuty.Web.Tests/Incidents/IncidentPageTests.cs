using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// The incident pages over the demo province: the most restricted records stay out of reach of everyone but the secrecy
/// officers and discipline officials of the jurisdiction (by list, search, export and direct id), the registration form
/// refuses bad input beside its fields, and a decision outside the guidance needs its justification.
/// </summary>
public sealed class IncidentPageTests
{
    private static async Task<(TestApp App, IReadOnlyList<(int Id, string Title)> Files)> DemoAsync()
    {
        var app = TestApp.Rent("Development");
        await app.InScopeAsync(sp => sp.GetRequiredService<DemoProvinceSeeder>().SeedAsync());
        var files = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Incidents.AsNoTracking().OrderBy(i => i.Id).Select(i => new ValueTuple<int, string>(i.Id, i.Title)).ToListAsync());
        return (app, files);
    }

    private static async Task<HttpClient> SignedInAsync(TestApp app, string userName)
    {
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, userName, DemoProvinceSeeder.DemoPassword);
        return client;
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("supervisor")]
    [InlineData("cadre")]
    [InlineData("admin")]
    public async Task An_account_outside_the_two_reading_roles_reaches_no_incident_file_by_list_search_export_or_direct_id(string userName)
    {
        var (app, files) = await DemoAsync();
        using var _ = app;
        var client = await SignedInAsync(app, userName);
        Assert.Equal(3, files.Count);

        var pages = new List<string> { "/Incidents", "/Incidents?q=%E4%BA%8B%E4%BB%B6", "/Incidents?handler=Export&format=csv", "/Incidents?handler=Export&format=xlsx" };
        foreach (var body in await Task.WhenAll(pages.Select(async url => (url, await client.GetStringAsync(new Uri(url, UriKind.Relative))))))
        {
            Assert.All(files, f => Assert.DoesNotContain(f.Title, body.Item2, StringComparison.Ordinal));
        }

        Assert.NotNull((await TestApp.GetDocumentAsync(client, "/Incidents")).QuerySelector("#no-incidents"));
        Assert.DoesNotContain("/Incidents", (await client.GetStringAsync(new Uri("/", UriKind.Relative))), StringComparison.Ordinal);
        foreach (var (id, _) in files)
        {
            foreach (var url in new[] { $"/Incidents/Details/{id}", $"/Incidents/Assess/{id}", $"/Incidents/Person/{id}", $"/Incidents/Decision/{id}/1" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
            }
        }

        // Nothing of a file leaks through its openings either: none was recorded.
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IncidentOpenings.CountAsync()));
    }

    [Fact]
    public async Task The_discipline_official_lists_every_file_of_the_jurisdiction_and_opens_each_with_its_guidance()
    {
        var (app, files) = await DemoAsync();
        using var _ = app;
        var client = await SignedInAsync(app, "discipline");

        var list = await TestApp.GetDocumentAsync(client, "/Incidents");
        Assert.Equal(files.Select(f => f.Id).Order(), list.QuerySelectorAll("#incidents-table tbody tr").Select(r => int.Parse(r.GetAttribute("data-incident-id")!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal(["Running"], list.QuerySelectorAll("#incidents-table tbody tr[data-clock='Running']").Select(r => r.GetAttribute("data-clock")));

        var underReview = files.Single(f => f.Title.StartsWith("考试院", StringComparison.Ordinal)).Id;
        var file = await TestApp.GetDocumentAsync(client, $"/Incidents/Details/{underReview}");
        Assert.Equal("UnderDisciplineReview", file.QuerySelector("#incident-status")!.GetAttribute("data-status"));
        Assert.Equal(3, file.QuerySelectorAll(".incident-person").Length);
        Assert.Equal(3, file.QuerySelectorAll(".sanction-guidance").Length);
        var principal = file.QuerySelectorAll(".incident-person")[0];
        Assert.Equal(["R11", "R16a", "PD109.2a"], principal.QuerySelectorAll(".provision").Select(p => p.GetAttribute("data-code")));
        Assert.Equal("警告、记过", principal.QuerySelector(".permitted-administrative")!.TextContent);
        Assert.Equal(3, file.QuerySelectorAll(".record-decision").Length);
        Assert.Contains("discipline", file.QuerySelector("#incident-openings")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registration_form_warns_against_secret_content_and_refuses_bad_input_beside_its_fields()
    {
        var (app, files) = await DemoAsync();
        using var _ = app;
        var client = await SignedInAsync(app, "officer");

        var page = await TestApp.GetDocumentAsync(client, "/Incidents/Register");
        Assert.Contains("严禁录入涉密内容", page.QuerySelector("#no-secret-content")!.TextContent, StringComparison.Ordinal);
        var form = await TestApp.GetFormAsync(client, "/Incidents/Register", "#incident-form");
        var response = await client.PostAsync(new Uri("/Incidents/Register", UriKind.Relative), form.With(("Input.Title", " "), ("Input.Description", ""), ("Input.DiscoveredAt", "2030-01-01T08:00")).ToContent());
        var refused = await TestApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请填写简短、不含涉密内容的标题。", refused.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        Assert.Equal("发现时间不能晚于现在。", refused.QuerySelector("[data-valmsg-for='Input.DiscoveredAt']")!.TextContent);
        Assert.Equal("请选择密级。", refused.QuerySelector("[data-valmsg-for='Input.Classification']")!.TextContent);
        Assert.Equal("请选择泄密情形（实施办法第三十五条）。", refused.QuerySelector("[data-valmsg-for='Input.LeakType']")!.TextContent);
        Assert.Equal(files.Count, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Incidents.CountAsync()));
    }

    [Fact]
    public async Task A_decision_outside_the_guidance_is_refused_beside_the_justification_until_one_is_written()
    {
        var (app, files) = await DemoAsync();
        using var _ = app;
        var client = await SignedInAsync(app, "discipline");
        var id = files.Single(f => f.Title.StartsWith("考试院", StringComparison.Ordinal)).Id;
        var personId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IncidentPersons.Where(p => p.IncidentId == id).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var url = $"/Incidents/Decision/{id}/{personId}";

        var form = await TestApp.GetFormAsync(client, url, "#decision-form");
        var outside = form.With(("Input.Administrative", "Dismissal"), ("Input.Party", "SeriousWarning"), ("Input.DocumentNumber", "示纪发〔2026〕8号"));
        var refused = await TestApp.ParseAsync(await client.PostAsync(new Uri(url, UriKind.Relative), outside.ToContent()));
        Assert.Equal("该决定超出处分参考对此人给出的范围：请填写理由说明，或在范围内选择。", refused.QuerySelector("[data-valmsg-for='Input.Justification']")!.TextContent);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SanctionDecisions.CountAsync(d => d.IncidentId == id)));

        var justified = await client.PostAsync(new Uri(url, UriKind.Relative), outside.With(("Input.Justification", "另案查明其利用职权强令违规，从重处理。")).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, justified.StatusCode);
        var saved = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SanctionDecisions.AsNoTracking().SingleAsync(d => d.IncidentPersonId == personId));
        Assert.Equal((true, Core.Incidents.Sanctions.AdministrativeSanction.Dismissal), (saved.OutsideGuidance, saved.Administrative));
        var file = await TestApp.GetDocumentAsync(client, $"/Incidents/Details/{id}");
        Assert.NotNull(file.QuerySelector($".incident-person[data-person-id='{personId}'] .outside-guidance"));
    }

    [Fact]
    public async Task A_sanction_proposal_from_a_decided_file_rests_on_it_and_the_file_shows_it_waiting_for_feedback()
    {
        var (app, files) = await DemoAsync();
        using var _ = app;
        var client = await SignedInAsync(app, "officer");
        var decided = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Decided).Select(i => i.Id).SingleAsync());

        var form = await TestApp.GetFormAsync(client, $"/Proposals/Create?incidentId={decided}", "#proposal-form");
        Assert.Equal(("Sanction", "Incident", decided.ToString(System.Globalization.CultureInfo.InvariantCulture)), (form["Input.Kind"], form["Input.Basis"], form["Input.IncidentId"]));
        var response = await client.PostAsync(new Uri("/Proposals/Create", UriKind.Relative), form.With(("Input.Recipient", "中共青山市委组织部"), ("Input.Content", "建议给予警告处分。")).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var file = await TestApp.GetDocumentAsync(client, $"/Incidents/Details/{decided}");
        Assert.Equal(2, file.QuerySelectorAll("#incident-proposals li").Length);
        Assert.Contains("AwaitingFeedback", file.QuerySelectorAll("#incident-proposals li").Select(li => li.GetAttribute("data-state")));
    }
}
