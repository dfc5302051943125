using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Data;

namespace SecrecyDuty.Browser.Tests.Layout;

/// <summary>
/// Issue 11: the main pages on a laptop (1366 × 768) and on a tablet held upright (768 × 1024), in Chinese and in
/// English. Nothing is wider than the window: a page never scrolls sideways, and a wide table scrolls inside its own
/// wrapper (Bootstrap's <c>.table-responsive</c>). Each page is saved whole under artifacts/screenshots.
/// </summary>
public sealed class ScreenSizeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>
    /// The elements that stick out of the window on the right and are not inside an element that scrolls sideways, by
    /// tag, id and classes; none when the page fits.
    /// </summary>
    private const string Overflowing = """
        () => {
          const width = document.documentElement.clientWidth;
          // Whether an ancestor that scrolls or clips sideways holds the element. An absolutely positioned element escapes
          // the ancestors below its containing block (the nearest positioned one): a wrapper's overflow does not hold it.
          const held = e => {
            let escaping = getComputedStyle(e).position === 'absolute';
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
              const s = getComputedStyle(p);
              if (escaping && s.position !== 'static') escaping = false;
              if (!escaping && s.overflowX !== 'visible') return true;
            }
            return false;
          };
          const out = [];
          const sticksOut = e => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > width + 1
            && getComputedStyle(e).position !== 'fixed' && !held(e);
          for (const e of document.body.querySelectorAll('*')) {
            if (!sticksOut(e)) continue;
            if (e.parentElement && e.parentElement !== document.body && sticksOut(e.parentElement)) continue;
            const r = e.getBoundingClientRect();
            out.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.classList.length ? '.' + [...e.classList].join('.') : ''} (right edge ${Math.round(r.right)})`);
          }
          return { page: document.documentElement.scrollWidth, window: width, culprits: out.slice(0, 8) };
        }
        """;

    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (768, 1024)];

    [BrowserFact]
    public async Task The_main_pages_fit_a_laptop_and_a_tablet_without_scrolling_sideways_in_Chinese() => await CheckAsync("zh-CN");

    [BrowserFact]
    public async Task The_main_pages_fit_a_laptop_and_a_tablet_without_scrolling_sideways_in_English() => await CheckAsync("en");

    private async Task CheckAsync(string culture)
    {
        var incidentId = await IncidentUnderReviewAsync();
        var pages = new (string User, string Name, string Url)[]
        {
            ("leader", "leader-home", "/"),
            ("officer", "officer-home", "/"),
            ("officer", "units-list", "/Units"),
            ("officer", "inspections-list", "/Inspections"),
            ("officer", "compliance-heat-map", "/Compliance"),
            ("officer", "activity-form", "/Activities/Create?kind=Briefing"),
            ("officer", "incident-file", $"/Incidents/Details/{incidentId}"),
        };

        var problems = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            foreach (var user in pages.Select(p => p.User).Distinct())
            {
                var page = await app.NewPageAsync(width, height);
                await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.BaseAddress.ToString() }]);
                await (await LoginPage.OpenAsync(page)).SignInAsync(user);
                await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
                foreach (var (_, name, url) in pages.Where(p => p.User == user))
                {
                    await page.GotoAsync(url);
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    var shot = $"size-{width}x{height}-{culture.ToLowerInvariant()}-{name}";
                    await BrowserApp.ScreenshotAsync(page, shot, fullPage: true);
                    var result = await page.EvaluateAsync<JsonElement>(Overflowing);
                    var pageWidth = result.GetProperty("page").GetInt32();
                    var windowWidth = result.GetProperty("window").GetInt32();
                    var culprits = result.GetProperty("culprits").EnumerateArray().Select(c => c.GetString()).ToList();
                    if (pageWidth > windowWidth || culprits.Count > 0)
                    {
                        problems.Add($"{shot} ({url}): the page is {pageWidth} px wide in a window of {windowWidth} px; sticking out: {string.Join(", ", culprits)}");
                    }
                }

                await page.Context.CloseAsync();
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<int> IncidentUnderReviewAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents
            .Where(i => i.Status == IncidentStatus.UnderDisciplineReview)
            .OrderBy(i => i.Id)
            .Select(i => i.Id)
            .FirstAsync();
    }
}
