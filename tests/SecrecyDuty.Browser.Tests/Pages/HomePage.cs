using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The home page: the dashboard of the signed-in account's role.</summary>
public sealed class HomePage(IPage page) : AppPage(page)
{
    public static async Task<HomePage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        return new HomePage(page);
    }

    public ILocator SecrecyOfficerDashboard => Page.Locator("#home-secrecy-officer");

    public ILocator UnitLeaderHeading => Page.Locator("#home-unit-leader h2");

    /// <summary>The unit leader's half-year briefing (art. 5 (3), the province's practice), with its <c>data-state</c>.</summary>
    public ILocator HalfYearBriefing => Page.Locator("#leader-half-briefing");

    /// <summary>The list of what the unit has due.</summary>
    public ILocator UnitDue => Page.Locator("#unit-due");

    /// <summary>The line saying the unit has nothing overdue.</summary>
    public ILocator UnitCompliant => Page.Locator("#unit-compliant");

    /// <summary>The list of what is due, only when it mentions <paramref name="text"/>.</summary>
    public ILocator UnitDueMentioning(string text) => Page.Locator("#unit-due", new PageLocatorOptions { HasTextString = text });

    /// <summary>The dashboard card of rectification orders (art. 15): open, overdue, awaiting verification.</summary>
    public ILocator RectificationWork => Page.Locator("#rectification-work");

    /// <summary>The overdue orders the card lists, most overdue first.</summary>
    public ILocator OverdueOrders => Page.Locator("#overdue-orders li");

    /// <summary>Follows the overdue order of the card whose line mentions <paramref name="text"/> (the unit's name, say).</summary>
    public async Task<RectificationOrderPage> OpenOverdueOrderAsync(string text)
    {
        await OverdueOrders.Filter(new LocatorFilterOptions { HasText = text }).Locator("a").ClickAsync();
        await Page.WaitForURLAsync(RectificationOrderPage.Url());
        return new RectificationOrderPage(Page);
    }

    /// <summary>Follows the "record the briefing" link of the half-year briefing.</summary>
    public async Task<ActivityForm> RecordBriefingAsync()
    {
        await Page.Locator("#record-briefing").ClickAsync();
        return new ActivityForm(Page);
    }
}
