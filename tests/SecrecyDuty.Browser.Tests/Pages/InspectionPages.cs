using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The form that plans an inspection (<c>/Inspections/Create</c>, art. 8).</summary>
public sealed class InspectionPlanForm(IPage page) : AppPage(page)
{
    public static async Task<InspectionPlanForm> OpenCreateAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Inspections/Create");
        return new InspectionPlanForm(page);
    }

    /// <summary>The inspectors chosen (the officer planning it, by default).</summary>
    public ILocator Inspectors => Page.Locator("#inspectors-chosen input[type=checkbox]:checked");

    /// <summary>Searches the inspected unit by typing <paramref name="typed"/> and chooses the match naming <paramref name="unit"/>.</summary>
    public Task ChooseUnitAsync(string typed, string unit) => PickAsync("Input_UnitId_search", typed, unit);

    /// <summary>
    /// The inspecting body (an <c>InspectingBody</c> value) and, unless it is a self-inspection, its unit searched by
    /// typing <paramref name="typed"/>.
    /// </summary>
    public async Task ChooseBodyAsync(string body, string typed, string unit)
    {
        await Page.Locator($"#body-{body}").CheckAsync();
        await PickAsync("Input_BodyUnitId_search", typed, unit);
    }

    public Task FillScopeAsync(string scope) => Page.Locator("#Input_Scope").FillAsync(scope);

    public Task FillMethodAsync(string method) => Page.Locator("#Input_Method").FillAsync(method);

    /// <summary>Plans the inspection; its page opens.</summary>
    public async Task<InspectionDetailsPage> PlanAsync()
    {
        await Page.Locator("#save-inspection").ClickAsync();
        await Page.WaitForURLAsync(InspectionDetailsPage.Url());
        return new InspectionDetailsPage(Page);
    }
}

/// <summary>An inspection (<c>/Inspections/Details/{id}</c>): its plan, status, findings and their orders.</summary>
public sealed partial class InspectionDetailsPage(IPage page) : AppPage(page)
{
    public static async Task<InspectionDetailsPage> OpenAsync(IPage page, int inspectionId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Inspections/Details/{inspectionId}");
        return new InspectionDetailsPage(page);
    }

    /// <summary>The status badge, with its <c>data-status</c> (an <c>InspectionStatus</c> value).</summary>
    public ILocator Status => Page.Locator("#inspection-status");

    public ILocator Findings => Page.Locator("#findings");

    /// <summary>The inspection's id, from the address.</summary>
    public int InspectionId => int.Parse(Url().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The inspected unit's id, from the link to it.</summary>
    public async Task<int> UnitIdAsync()
    {
        var href = await Page.Locator("#inspection-unit a").GetAttributeAsync("href");
        return int.Parse(href!.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>The row of the finding of <paramref name="code"/> (D15.x).</summary>
    public ILocator Finding(string code) => Page.Locator($"#findings tr[data-code='{code}']");

    /// <summary>Who answers for the finding of <paramref name="code"/>.</summary>
    public ILocator FindingPostings(string code) => Finding(code).Locator(".finding-postings");

    /// <summary>The badge of the order issued on the finding of <paramref name="code"/>.</summary>
    public ILocator OrderBadge(string code) => Finding(code).Locator(".order-status");

    /// <summary>Starts the planned inspection on the day the form proposes (today).</summary>
    public Task StartAsync() => Page.Locator("#start-inspection").ClickAsync();

    public async Task<FindingForm> AddFindingAsync()
    {
        await Page.Locator("#add-finding").ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/Inspections/Finding/\d+"));
        return new FindingForm(Page);
    }

    /// <summary>Follows "order rectification" on the finding of <paramref name="code"/>.</summary>
    public async Task<RectificationOrderForm> OrderRectificationAsync(string code)
    {
        await Finding(code).Locator(".issue-order").ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/Inspections/Orders/Issue/\d+"));
        return new RectificationOrderForm(Page);
    }

    /// <summary>Completes the inspection with its conclusion, on the day the form proposes (today).</summary>
    public async Task CompleteAsync(string conclusion)
    {
        await Page.Locator("#Completion_Conclusion").FillAsync(conclusion);
        await Page.Locator("#complete-inspection").ClickAsync();
    }

    /// <summary>Opens the inspection opinion (检查意见书) to print.</summary>
    public async Task<InspectionOpinionPage> OpenOpinionAsync()
    {
        await Page.Locator("#inspection-opinion").ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/Inspections/Opinion/\d+"));
        return new InspectionOpinionPage(Page);
    }

    /// <summary>The address of an inspection's page.</summary>
    [GeneratedRegex(@"/Inspections/Details/(\d+)$")]
    public static partial Regex Url();
}

/// <summary>The form that records a finding of an inspection in progress (<c>/Inspections/Finding/{id}</c>, art. 15).</summary>
public sealed class FindingForm(IPage page) : AppPage(page)
{
    /// <summary>The postings the form suggests for the chosen deficiency (after <see cref="ShowSuggestionAsync"/>).</summary>
    public ILocator SuggestedPostings => Page.Locator("#responsible label", new PageLocatorOptions { Has = Page.Locator(".suggested") });

    /// <summary>The postings ticked as responsible.</summary>
    public ILocator TickedPostings => Page.Locator("#responsible input.candidate:checked");

    /// <summary>The suggested postings that are ticked.</summary>
    public ILocator SuggestedAndTicked =>
        Page.Locator("#responsible .form-check", new PageLocatorOptions { Has = Page.Locator(".suggested") }).Locator("input.candidate:checked");

    /// <summary>The name of the leader whose posting is suggested (the label starts with it).</summary>
    public async Task<string> SuggestedLeaderAsync() =>
        (await SuggestedPostings.First.InnerTextAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];

    /// <summary>Chooses the deficiency (D15.x): the page ticks the postings whose duties it concerns.</summary>
    public Task ChooseDeficiencyAsync(string code) => Page.Locator("#Input_DeficiencyCode").SelectOptionAsync(code);

    /// <summary>Asks the app which postings it suggests for the chosen deficiency (a round trip that keeps what was typed).</summary>
    public async Task ShowSuggestionAsync()
    {
        await Page.Locator("#suggest-postings").ClickAsync();
        await Assertions.Expect(SuggestedPostings.First).ToBeVisibleAsync();
    }

    /// <summary>What was found, the evidence seen and the severity (a <c>FindingSeverity</c> value).</summary>
    public async Task FillAsync(string description, string evidence, string severity)
    {
        await Page.Locator("#Input_Description").FillAsync(description);
        await Page.Locator("#Input_EvidenceSeen").FillAsync(evidence);
        await Page.Locator("#Input_Severity").SelectOptionAsync(severity);
    }

    public async Task<InspectionDetailsPage> SaveAsync()
    {
        await Page.Locator("#save-finding").ClickAsync();
        await Page.WaitForURLAsync(InspectionDetailsPage.Url());
        return new InspectionDetailsPage(Page);
    }
}

/// <summary>The form that orders a finding rectified by a deadline (<c>/Inspections/Orders/Issue/{findingId}</c>, art. 15).</summary>
public sealed class RectificationOrderForm(IPage page) : AppPage(page)
{
    public async Task FillAsync(string requirements, DateOnly deadline)
    {
        await Page.Locator("#Input_Requirements").FillAsync(requirements);
        await Page.Locator("#Input_Deadline").FillAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Issues the order; its page opens.</summary>
    public async Task<RectificationOrderPage> IssueAsync()
    {
        await Page.Locator("#issue-order").ClickAsync();
        await Page.WaitForURLAsync(RectificationOrderPage.Url());
        return new RectificationOrderPage(Page);
    }
}

/// <summary>A rectification order (<c>/Inspections/Orders/Details/{id}</c>): the unit reports, the inspector verifies.</summary>
public sealed partial class RectificationOrderPage(IPage page) : AppPage(page)
{
    public static async Task<RectificationOrderPage> OpenAsync(IPage page, int orderId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Inspections/Orders/Details/{orderId}");
        return new RectificationOrderPage(page);
    }

    /// <summary>The order's badge, with <c>data-status</c> (a <c>RectificationStatus</c> value) and <c>data-overdue</c>.</summary>
    public ILocator Status => Page.Locator("#order-status .order-status");

    /// <summary>The "overdue by N days" badge, only on an overdue order.</summary>
    public ILocator OverdueBadge => Page.Locator("#order-status .order-overdue");

    public ILocator Deadline => Page.Locator("#order-deadline");

    public ILocator Report => Page.Locator("#order-report");

    public ILocator ReportForm => Page.Locator("#report-form");

    public ILocator VerifyForm => Page.Locator("#verify-form");

    /// <summary>The steps of the order's history, each with its <c>data-action</c> (a <c>RectificationAction</c> value).</summary>
    public ILocator History => Page.Locator("#order-history li");

    /// <summary>The order's id, from the address.</summary>
    public int OrderId => int.Parse(Url().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The unit reports what it did (without evidence files).</summary>
    public async Task ReportAsync(string note)
    {
        await Page.Locator("#Report_Note").FillAsync(note);
        await Page.Locator("#report-rectification").ClickAsync();
    }

    /// <summary>The inspector verifies the rectification and confirms closing the order when the page asks.</summary>
    public async Task VerifyAsync()
    {
        void AcceptOnce(object? sender, IDialog dialog)
        {
            Page.Dialog -= AcceptOnce;
            _ = dialog.AcceptAsync();
        }

        Page.Dialog += AcceptOnce;
        await Page.Locator("#verify-rectification").ClickAsync();
    }

    /// <summary>The address of an order's page.</summary>
    [GeneratedRegex(@"/Inspections/Orders/Details/(\d+)$")]
    public static partial Regex Url();
}

/// <summary>A unit's inspections tab (<c>/Inspections/Unit/{id}</c>): its orders to close and its inspection history.</summary>
public sealed class UnitInspectionsPage(IPage page) : AppPage(page)
{
    public static async Task<UnitInspectionsPage> OpenAsync(IPage page, int unitId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Inspections/Unit/{unitId}");
        return new UnitInspectionsPage(page);
    }

    public ILocator OpenOrders => Page.Locator("#unit-open-orders");

    public ILocator NoOpenOrders => Page.Locator("#unit-no-open-orders");

    /// <summary>The badge of the open order <paramref name="orderId"/>.</summary>
    public ILocator OrderBadge(int orderId) => Page.Locator($"#unit-open-orders tr[data-order-id='{orderId}'] .order-status");

    /// <summary>Opens the open order <paramref name="orderId"/> from the list.</summary>
    public async Task<RectificationOrderPage> OpenOrderAsync(int orderId)
    {
        await Page.Locator($"#unit-open-orders tr[data-order-id='{orderId}'] a").ClickAsync();
        await Page.WaitForURLAsync(RectificationOrderPage.Url());
        return new RectificationOrderPage(Page);
    }
}

/// <summary>The inspection opinion (检查意见书, <c>/Inspections/Opinion/{id}</c>): an A4 document in the print layout.</summary>
public sealed class InspectionOpinionPage(IPage page) : PrintPage(page)
{
    public static async Task<InspectionOpinionPage> OpenAsync(IPage page, int inspectionId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Inspections/Opinion/{inspectionId}");
        return new InspectionOpinionPage(page);
    }

    public ILocator Addressee => Page.Locator("#doc-addressee");

    public ILocator Findings => Page.Locator("#doc-findings");

    public ILocator Orders => Page.Locator("#doc-orders");

    public ILocator DraftMark => Page.Locator("#draft-mark");
}
