using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The score sheet of an inspection (<c>/Inspections/Scores/Sheet/{id}</c>).</summary>
public sealed class ScoreSheetPage(IPage page) : AppPage(page)
{
    public ILocator Percentage => Page.Locator("#score-percentage");

    public ILocator Grade => Page.Locator("#score-grade");

    public ILocator DraftFindingsButton => Page.Locator("#draft-findings-form button");

    public static async Task<ScoreSheetPage> OpenAsync(IPage page, int inspectionId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Inspections/Scores/Sheet/{inspectionId}");
        return new ScoreSheetPage(page);
    }

    /// <summary>Starts scoring on the template the form offers first (the shipped one).</summary>
    public Task StartAsync() => Page.Locator("#start-form button[type=submit]").ClickAsync();

    /// <summary>Records the defects found on item <paramref name="itemCode"/>, with a note.</summary>
    public async Task RecordDefectsAsync(string itemCode, int defects, string note)
    {
        var row = Page.Locator($"tr[data-item='{itemCode}']");
        await row.Locator("input[name$='.Defects']").FillAsync(defects.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await row.Locator("textarea[name$='.Note']").FillAsync(note);
    }

    public Task SaveAsync() => Page.Locator("#save-score").ClickAsync();

    public async Task<InspectionDetailsPage> DraftFindingsAsync()
    {
        await DraftFindingsButton.ClickAsync();
        return new InspectionDetailsPage(Page);
    }
}
