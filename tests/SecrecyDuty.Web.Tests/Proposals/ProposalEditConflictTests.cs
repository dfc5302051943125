using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Proposals;

/// <summary>Issue 14, "No lost updates": two cadre officials record the feedback of one proposal at once (docs/decisions/0020).</summary>
public sealed class ProposalEditConflictTests
{
    [Fact]
    public async Task Feedback_recorded_by_a_second_cadre_official_is_refused_with_the_first_ones_and_the_first_is_kept()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.Province()
            .WithAccount("cadre", Roles.CadreOfficial, p.Root, displayName: "周组织")
            .WithAccount("cadre-2", Roles.CadreOfficial, p.Root)
            .BuildAsync();
        var leaderId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Postings.Where(x => x.Id == p.Li).Select(x => x.LeaderId).SingleAsync());
        var created = await app.InScopeAsync(sp => TestApp.ServiceFor<ProposalService>(sp, p.Officer).CreateAsync(new ProposalInput
        {
            Kind = ProposalKind.Sanction,
            LeaderId = leaderId,
            Body = ProposingBody.SecrecyDepartment,
            BodyUnitId = p.Root,
            Recipient = "中共示范省委组织部",
            Basis = ProposalBasis.Inspection,
            BasisDescription = "2026年11月保密检查，问题D15.5逾期未整改",
            Content = "建议给予警告处分。",
            SentOn = new DateOnly(2026, 11, 20),
        }));
        Assert.True(created.Succeeded);
        var id = created.Value;
        var first = await app.SignedInAsync("cadre");
        var second = await app.SignedInAsync("cadre-2");
        var url = $"/Proposals/Details/{id}";
        var firstForm = await TestApp.GetFormAsync(first, url, "#feedback-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#feedback-form");

        await AssertSavedAsync(await first.PostAsync($"{url}?handler=Feedback", firstForm.With(("Feedback.Feedback", "已给予警告处分"), ("Feedback.FeedbackOn", "2026-11-26")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync($"{url}?handler=Feedback", secondForm.With(("Feedback.Feedback", "已给予诫勉谈话"), ("Feedback.FeedbackOn", "2026-11-27")).ToContent()));

        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(("已给予警告处分", "cadre"), (stored.Feedback, stored.FeedbackRecordedBy));
        Assert.Contains("周组织 (cadre)", Saved(conflict), StringComparison.Ordinal);
        Assert.Equal(("已给予警告处分", "已给予诫勉谈话"), Fields(conflict)["收到的反馈"]);

        // The feedback is recorded once: made again, the save meets that rule, and the first feedback stays.
        Assert.Null(conflict.QuerySelector("#feedback-form"));
        Assert.Equal("已给予警告处分", (await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking().SingleAsync(x => x.Id == id))).Feedback);
    }
}
