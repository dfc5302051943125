using System.Globalization;
using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Infrastructure;

/// <summary>
/// A person who uses the keyboard alone: focus moves only by Tab and Shift+Tab (or the skip link), controls are worked
/// with Enter, Space, the arrow keys and typing. Where the focus is, and whether it shows, is read from the page; nothing
/// is clicked and no field is filled directly.
/// </summary>
public sealed class KeyboardUser(IPage page)
{
    /// <summary>More presses than any page of the app needs to reach its last control.</summary>
    private const int MaxPresses = 120;

    /// <summary>Whether the focused element shows it: an outline or a box shadow (Bootstrap's focus ring).</summary>
    private const string FocusShows = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return false;
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          return outline || shadow;
        }
        """;

    public IPage Page { get; } = page;

    /// <summary>What has the focus, for failure messages: tag, id and text.</summary>
    public Task<string> FocusedAsync() => Page.EvaluateAsync<string>(
        "() => { const e = document.activeElement; return e ? `${e.tagName.toLowerCase()}#${e.id} \"${(e.innerText || e.value || '').trim().slice(0, 40)}\"` : '(nothing)'; }");

    /// <summary>Whether the focused element matches <paramref name="selector"/>.</summary>
    public Task<bool> FocusIsOnAsync(string selector) =>
        Page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector);

    /// <summary>
    /// Presses Tab (or Shift+Tab with <paramref name="backwards"/>) until the focus is on an element matching
    /// <paramref name="selector"/>, and checks that the focus shows there; fails when the keyboard cannot reach it.
    /// </summary>
    public async Task TabToAsync(string selector, bool backwards = false)
    {
        var visited = new List<string>();
        for (var i = 0; i < MaxPresses; i++)
        {
            if (i > 0 || !await FocusIsOnAsync(selector))
            {
                await Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            }

            if (await FocusIsOnAsync(selector))
            {
                Assert.True(await Page.EvaluateAsync<bool>(FocusShows), $"The focus does not show on {await FocusedAsync()} ({Page.Url}).");
                return;
            }

            visited.Add(await FocusedAsync());
        }

        Assert.Fail($"The keyboard does not reach {selector} on {Page.Url}; Tab went through: {string.Join(", ", visited.Distinct())}");
    }

    /// <summary>From the top of a page: the first Tab reaches the skip link "跳到主要内容", Enter moves into the main content.</summary>
    public async Task SkipToMainContentAsync()
    {
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusIsOnAsync("#skip-to-main"), $"The first Tab reaches {await FocusedAsync()}, not the skip link.");
        Assert.True(await Page.EvaluateAsync<bool>(FocusShows), "The skip link does not show when focused.");
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Types <paramref name="text"/> key by key into the focused field.</summary>
    public Task TypeAsync(string text) => Page.Keyboard.TypeAsync(text, new KeyboardTypeOptions { Delay = 15 });

    public Task PressAsync(string key) => Page.Keyboard.PressAsync(key);

    /// <summary>
    /// Types <paramref name="date"/> into the focused date field, segment by segment in the order the browser shows them
    /// (year first in a Chinese browser, month first in an American one). The order is found as a person sees it: the
    /// arrow key moves the first segment up and back down, and the value tells which segment that was.
    /// </summary>
    public async Task TypeDateAsync(DateOnly date)
    {
        var field = Page.Locator(":focus");
        var before = DateOnly.ParseExact(await field.InputValueAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PressAsync("ArrowUp");
        var after = DateOnly.ParseExact(await field.InputValueAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PressAsync("ArrowDown");
        var year = date.Year.ToString("D4", CultureInfo.InvariantCulture);
        var month = date.Month.ToString("D2", CultureInfo.InvariantCulture);
        var day = date.Day.ToString("D2", CultureInfo.InvariantCulture);

        // Two digits fill a month or a day and move on to the next segment; a year takes up to six, so the arrow moves on.
        if (after.Year != before.Year)
        {
            await TypeAsync(year);
            await PressAsync("ArrowRight");
            await TypeAsync(month + day);
        }
        else if (after.Month != before.Month)
        {
            await TypeAsync(month + day + year);
        }
        else
        {
            await TypeAsync(day + month + year);
        }
    }

    /// <summary>Tabs to <paramref name="selector"/> and types <paramref name="text"/> into it.</summary>
    public async Task TabAndTypeAsync(string selector, string text)
    {
        await TabToAsync(selector);
        await TypeAsync(text);
    }

    /// <summary>
    /// Presses <paramref name="key"/> (Enter on a link or a button) and waits until the browser has loaded the page it
    /// leads to (a new document, whatever its address: a form posted back to itself too).
    /// </summary>
    public async Task PressAndWaitForNewPageAsync(string key)
    {
        await Page.EvaluateAsync("() => { window.__beforeKey = true; }");
        await Page.Keyboard.PressAsync(key);
        await Page.WaitForFunctionAsync("() => document.readyState !== 'loading' && !window.__beforeKey");
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }
}
