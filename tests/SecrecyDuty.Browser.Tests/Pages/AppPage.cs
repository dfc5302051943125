using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>
/// What every page of the app has (the layout): the heading, the main content, the top bar with the language switch
/// and sign-out, the status message. Page objects hold the selectors and the steps of one page each, so that a
/// journey reads as what a person does.
/// </summary>
public class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.Locator("h1");

    public ILocator Main => Page.Locator("main");

    public ILocator NavigationBar => Page.Locator("nav.navbar");

    public ILocator StatusMessage => Page.Locator("[role=status]");

    /// <summary>The <c>html</c> element, whose <c>lang</c> is the page's language.</summary>
    public ILocator Document => Page.Locator("html");

    public Task SwitchToEnglishAsync() => Page.Locator("#lang-en").ClickAsync();

    public async Task<LoginPage> SignOutAsync()
    {
        await Page.Locator("#sign-out").ClickAsync();
        return new LoginPage(Page);
    }

    /// <summary>
    /// Saves a screenshot of the window under artifacts/screenshots, scrolled to <paramref name="around"/> when given
    /// (<see cref="BrowserApp.ScreenshotAsync"/>).
    /// </summary>
    public Task ScreenshotAsync(string name, ILocator? around = null) => BrowserApp.ScreenshotAsync(Page, name, around);

    /// <summary>
    /// Types <paramref name="typed"/> into the search-as-you-type picker box <paramref name="boxId"/> (<c>_UnitPicker</c>,
    /// <c>wwwroot/js/picker.js</c>) key by key, as a person would, waits for the app's answer to what was typed, and
    /// chooses the match whose label contains <paramref name="choice"/>.
    /// </summary>
    protected async Task PickAsync(string boxId, string typed, string choice)
    {
        var box = Page.Locator("#" + boxId);
        await box.ClickAsync();
        await Page.RunAndWaitForResponseAsync(
            () => box.PressSequentiallyAsync(typed, new LocatorPressSequentiallyOptions { Delay = 60 }),
            response => response.Url.Contains("/Lookup/", StringComparison.Ordinal)
                && Uri.UnescapeDataString(new Uri(response.Url).Query).Contains("term=" + typed, StringComparison.Ordinal));
        await Page.Locator($"#{boxId}_list [role=option]", new PageLocatorOptions { HasText = choice }).ClickAsync();
        await Assertions.Expect(box).ToHaveValueAsync(new Regex(Regex.Escape(choice)));
    }

    /// <summary>Chooses the first option of <paramref name="select"/> whose text contains <paramref name="text"/>.</summary>
    protected async Task SelectOptionContainingAsync(string select, string text)
    {
        var value = await Page.Locator($"{select} option", new PageLocatorOptions { HasText = text }).First.GetAttributeAsync("value");
        await Page.Locator(select).SelectOptionAsync(value!);
    }
}
