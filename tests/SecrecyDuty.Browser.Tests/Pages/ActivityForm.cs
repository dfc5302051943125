using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The form that records an activity (<c>/Activities/Create</c>): a briefing, a meeting, a training, ….</summary>
public sealed partial class ActivityForm(IPage page) : AppPage(page)
{
    public ILocator Form => Page.Locator("#activity-form");

    /// <summary>The postings ticked as present in the attendee list.</summary>
    public ILocator PresentAttendees => Page.Locator("#attendees input[type=checkbox]:checked");

    public async Task FillAsync(DateOnly date, string title, string presenters, string topics, string decisions)
    {
        await Page.Locator("#Input_Date").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.Locator("#Input_Title").FillAsync(title);
        await Page.Locator("#Input_Presenters").FillAsync(presenters);
        await Page.Locator("#Input_Topics").FillAsync(topics);
        await Page.Locator("#Input_Decisions").FillAsync(decisions);
    }

    /// <summary>Lists the team that held postings on the chosen date (a round trip to the form's secondary handler).</summary>
    public Task RefreshAttendeesAsync() => Page.Locator("#refresh-attendees").ClickAsync();

    /// <summary>Saves; a recorded activity opens its details page (<see cref="DetailsUrl"/>).</summary>
    public async Task<AppPage> SaveAsync()
    {
        await Page.Locator("#save-activity").ClickAsync();
        return new AppPage(Page);
    }

    /// <summary>The address of an activity's details page.</summary>
    [GeneratedRegex(@"/Activities/Details/\d+")]
    public static partial Regex DetailsUrl();
}
