using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Infrastructure.Input;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Appraisals;
using SecrecyDuty.Web.Tests.Infrastructure;
using SecrecyDuty.Web.Tests.Leaders;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, finding 3: a posted value that does not bind used to be saved as null. Now it is an error beside its
/// field, in the person's language, and the service is never reached, so the record is unchanged.
/// </summary>
public sealed class UnboundInputTests
{
    [Fact]
    public async Task An_attendee_list_that_does_not_parse_is_refused_beside_the_field_and_the_attendance_is_kept()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var id = await app.RecordAsync(p.Officer, p.Briefing(Province.Nov20, p.Zhang, p.Li));
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, $"/Activities/Edit/{id}", "#activity-form");

        var response = await client.PostAsync($"/Activities/Edit/{id}", form.Without("Input.PostingIds").With(("Input.PostingIds", "abc")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("“abc”不是有效的值。", page.QuerySelector("[data-valmsg-for='Input.PostingIds']")!.TextContent);
        var details = await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id));
        Assert.Equal(["张教", "李保"], details!.Attendees.Select(a => a.LeaderName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_end_date_that_is_not_a_date_is_refused_and_the_posting_keeps_its_end()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, $"/Postings/Edit/{p.Wang}", "#edit-posting-form");

        var response = await client.PostAsync($"/Postings/Edit/{p.Wang}", form.With(("Input.To", "2026-02-30"), ("Input.Title", "书记")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("“2026-02-30”不是有效的值。", page.QuerySelector("[data-valmsg-for='Input.To']")!.TextContent);
        Assert.Equal("未保存：部分填写的值无法识别，请更正后重新保存。", page.QuerySelector("#edit-posting-form .validation-summary-errors li")!.TextContent);
        Assert.Equal("2026-02-30", page.QuerySelector("#Input_To")!.GetAttribute("value"));
        var posting = await app.FindPostingAsync(p.Wang);
        Assert.Equal((Province.June30, "党组书记"), (posting!.To, posting.Title));
    }

    [Fact]
    public async Task A_chair_that_is_not_a_leader_id_is_refused_and_the_chair_is_kept()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.Province().WithOrganization(p.Department).BuildAsync();
        var chair = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var leader = await db.Postings.Where(x => x.Id == p.Li).Select(x => x.LeaderId).SingleAsync();
            await db.SecrecyOrganizations.Where(o => o.UnitId == p.Department).ExecuteUpdateAsync(u => u.SetProperty(o => o.ChairLeaderId, leader));
            return leader;
        });
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, $"/SecrecyOrganizations/Edit/{p.Department}", "#organization-form");
        Assert.Equal(chair.ToString(System.Globalization.CultureInfo.InvariantCulture), form["Input.ChairLeaderId"]);

        var response = await client.PostAsync($"/SecrecyOrganizations/Edit/{p.Department}", form.With(("Input.ChairLeaderId", "abc"), ("Input.OfficeName", "改过的名字")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("“abc”不是有效的值。", page.QuerySelector("[data-valmsg-for='Input.ChairLeaderId']")!.TextContent);
        var organization = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SecrecyOrganizations.AsNoTracking().SingleAsync(o => o.UnitId == p.Department));
        Assert.Equal((chair, (string?)null), (organization.ChairLeaderId, organization.OfficeName));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("1,2")]
    [InlineData("Excellent,Competent")]
    public async Task A_grade_that_is_not_one_of_the_grades_is_refused_and_the_grade_is_kept(string posted)
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "意见");
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);
        var form = await TestApp.GetFormAsync(client, AppraisalTestData.LeaderUrl(p.Zhang), "#decision-form");
        var saved = await client.PostAsync(AppraisalTestData.PostUrl(p.Zhang, "Decision"), form.With(("Decision.Grade", nameof(AppraisalGrade.Competent))).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var response = await client.PostAsync(AppraisalTestData.PostUrl(p.Zhang, "Decision"), form.With(("Decision.Grade", posted), ("Decision.Commendation", "先进个人")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal($"“{posted}”不是有效的值。", page.QuerySelector("[data-valmsg-for='Decision.Grade']")!.TextContent);
        var appraisal = await app.FindAppraisalAsync(p.Zhang);
        Assert.Equal((AppraisalGrade.Competent, (string?)null), (appraisal!.Grade, appraisal.Commendation));
    }

    [Fact]
    public async Task A_checkbox_posted_with_neither_true_nor_false_is_refused_beside_it_and_the_form_is_shown_again()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, $"/Units/Edit/{p.Department}", "#edit-unit-form");

        // MVC kept "abc" as the box's posted value and the checkbox then failed to draw it: a server error.
        var response = await client.PostAsync($"/Units/Edit/{p.Department}", form.With(("Input.IsLargeOrMediumEnterprise", "abc"), ("Input.Name", "改过的名字")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("“abc”不是有效的值。", page.QuerySelector("[data-valmsg-for='Input.IsLargeOrMediumEnterprise']")!.TextContent);
        Assert.Null(page.QuerySelector("#Input_IsLargeOrMediumEnterprise")!.GetAttribute("checked"));
        Assert.Equal("示范省教育厅", await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Id == p.Department).Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_value_of_the_address_that_does_not_bind_is_a_bad_request_and_nothing_is_removed()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var id = await app.RecordAsync(p.Officer, p.Briefing(Province.Nov20, p.Zhang), ActivityTestData.Upload("纪要.pdf", TestFiles.Pdf()));
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, $"/Activities/Details/{id}", ".remove-evidence-form");

        // The file's id is in the address, not in a field: the page used to come back with no message anywhere.
        var response = await client.PostAsync($"/Activities/Details/{id}?handler=RemoveEvidence&fileId=abc", form.ToContent());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, await app.EvidenceCountAsync());
    }

    [Fact]
    public async Task A_long_value_that_does_not_bind_is_repeated_in_the_message_in_part_only()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, $"/Postings/Edit/{p.Wang}", "#edit-posting-form");
        var posted = "2026-02-30" + new string('x', 100_000);

        var response = await client.PostAsync($"/Postings/Edit/{p.Wang}", form.With(("Input.To", posted)).ToContent());

        var page = await TestApp.ParseAsync(response);
        Assert.Equal($"“{posted[..50]}…”不是有效的值。", page.QuerySelector("[data-valmsg-for='Input.To']")!.TextContent);
        Assert.Equal(Province.June30, (await app.FindPostingAsync(p.Wang))!.To);
    }

    [Fact]
    public async Task The_message_is_in_English_for_an_English_session()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = await app.SignedInAsync("officer");
        var culture = await TestApp.GetFormAsync(client, $"/Postings/Edit/{p.Wang}", "#culture-form");
        await client.PostAsync("/Culture", culture.With(("culture", "en")).ToContent());
        var form = await TestApp.GetFormAsync(client, $"/Postings/Edit/{p.Wang}", "#edit-posting-form");

        var response = await client.PostAsync($"/Postings/Edit/{p.Wang}", form.With(("Input.To", "2026-02-30")).ToContent());

        var page = await TestApp.ParseAsync(response);
        Assert.Equal("The value “2026-02-30” is not valid.", page.QuerySelector("[data-valmsg-for='Input.To']")!.TextContent);
        Assert.Equal(Province.June30, (await app.FindPostingAsync(p.Wang))!.To);
    }

    [Theory]
    [InlineData("Excellent", true)]
    [InlineData("excellent", true)]
    [InlineData("3", true)]
    [InlineData("1,2", false)]
    [InlineData("Excellent,Competent", false)]
    [InlineData("999", false)]
    [InlineData("-1", false)]
    [InlineData("Outstanding", false)]
    public void An_enum_that_is_not_flags_binds_one_defined_value_only(string text, bool binds)
    {
        Assert.Equal(binds, DefinedEnumModelBinder.TryParse(typeof(AppraisalGrade), text, out _));
    }

    [Fact]
    public void Every_enum_of_the_domain_that_is_not_flags_gets_the_strict_binder()
    {
        var kind = typeof(SecrecyOrganizationKind);
        Assert.False(kind.IsDefined(typeof(FlagsAttribute), false));
        Assert.False(DefinedEnumModelBinder.TryParse(kind, "0,1", out _));
    }
}
