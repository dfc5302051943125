using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections;

/// <summary>
/// Inspections of 示范省教育厅 (see <see cref="Province"/>) written through the services, as the officer of the province
/// (a superior organ) or as the department itself (a self-inspection).
/// </summary>
internal static class InspectionTestData
{
    /// <summary>The officer acting under the real account id, so that the officer may be named inspector.</summary>
    public static async Task<ICurrentUser> OfficerAsync(this TestApp app, Province p)
    {
        var id = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync());
        return new FixedCurrentUser(id, p.Root, Roles.SecrecyOfficer);
    }

    public static Task<T> InspectionsAsync<T>(this TestApp app, ICurrentUser actor, Func<InspectionService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<InspectionService>(sp, actor)));

    public static Task<T> OrdersAsync<T>(this TestApp app, ICurrentUser actor, Func<RectificationService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<RectificationService>(sp, actor)));

    /// <summary>Plans an inspection of the department (the province as superior organ unless told) and returns its id.</summary>
    public static async Task<int> PlanAsync(this TestApp app, Province p, InspectingBody body = InspectingBody.SuperiorOrgan, int? unitId = null, DateOnly? plannedOn = null)
    {
        var officer = await app.OfficerAsync(p);
        var result = await app.InspectionsAsync(officer, s => s.CreateAsync(new InspectionInput
        {
            UnitId = unitId ?? p.Department,
            Body = body,
            BodyUnitId = body == InspectingBody.OwnSecrecyOrganization ? null : p.Root,
            Kind = InspectionKind.Routine,
            PlannedOn = plannedOn ?? new DateOnly(2026, 11, 20),
            Scope = "2026年领导干部保密工作责任制落实情况",
            InspectorIds = [officer.UserId!],
        }));
        Assert.True(result.Succeeded, Describe(result));
        return result.Value;
    }

    public static async Task StartAsync(this TestApp app, Province p, int inspectionId, DateOnly? on = null)
    {
        var result = await app.InspectionsAsync(await app.OfficerAsync(p), async s => await s.StartAsync(inspectionId, (await s.GetAsync(inspectionId))!.Version, new InspectionStartInput { StartedOn = on ?? new DateOnly(2026, 11, 20) }));
        Assert.True(result!.Succeeded, Describe(result));
    }

    public static async Task CompleteAsync(this TestApp app, Province p, int inspectionId, string conclusion = "总体落实较好，存在一项问题。")
    {
        var result = await app.InspectionsAsync(await app.OfficerAsync(p), async s => await s.CompleteAsync(inspectionId, (await s.GetAsync(inspectionId))!.Version, new InspectionCompletionInput { CompletedOn = new DateOnly(2026, 11, 27), Conclusion = conclusion }));
        Assert.True(result!.Succeeded, Describe(result));
    }

    public static FindingInput D155(params int[] postings) => new()
    {
        DeficiencyCode = "D15.5",
        Description = "部分涉密计算机未采取技术防护措施",
        Severity = FindingSeverity.Ordinary,
        PostingIds = [.. postings],
    };

    public static async Task<int> AddFindingAsync(this TestApp app, Province p, int inspectionId, FindingInput? input = null)
    {
        var result = await app.InspectionsAsync(await app.OfficerAsync(p), s => s.AddFindingAsync(inspectionId, input ?? D155(p.Li)));
        Assert.True(result!.Succeeded, Describe(result));
        return result.Value;
    }

    public static async Task<int> IssueAsync(this TestApp app, Province p, int findingId, DateOnly? deadline = null)
    {
        var result = await app.OrdersAsync(await app.OfficerAsync(p), s => s.IssueAsync(findingId, new RectificationOrderInput
        {
            Deadline = deadline ?? new DateOnly(2026, 12, 31),
            Requirements = "为全部涉密计算机落实技术防护措施",
        }));
        Assert.True(result!.Succeeded, Describe(result));
        return result.Value;
    }

    /// <summary>An inspection of the department by the province, started, with a D15.5 finding (李保) and an order on it.</summary>
    public static async Task<(int Inspection, int Finding, int Order)> OrderAsync(this TestApp app, Province p, DateOnly? deadline = null)
    {
        var inspection = await app.PlanAsync(p);
        await app.StartAsync(p, inspection);
        var finding = await app.AddFindingAsync(p, inspection);
        var order = await app.IssueAsync(p, finding, deadline);
        return (inspection, finding, order);
    }

    public static async Task ReportAsync(this TestApp app, Province p, int orderId)
    {
        var result = await app.OrdersAsync(p.Leader, async s => await s.ReportAsync(orderId, (await s.GetAsync(orderId))!.Version, new RectificationNoteInput { Note = "已为全部涉密计算机安装防护软件" }, Array.Empty<EvidenceUpload>()));
        Assert.True(result!.Succeeded, Describe(result));
    }

    public static Task<int> FindingCountAsync(this TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Findings.CountAsync());

    public static Task<RectificationOrder> OrderRowAsync(this TestApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RectificationOrders.AsNoTracking().SingleAsync(o => o.Id == id));

    public static string Describe(SecrecyDuty.Core.Common.Result? result) =>
        result is null ? "not found" : string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
}
