using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;

namespace SecrecyDuty.Browser.Tests.EveryPage;

/// <summary>
/// Issue 11: every page, for every role that may open it and for the anonymous visitor, in one language per test class:
/// axe-core (from its NuGet package, run in the page) finds no serious or critical violation, and no interface text is in
/// the other language. The pages come from the app's endpoint data with the demo province's ids (<see cref="PageCatalogue"/>).
/// </summary>
public abstract class EveryPageTests(BrowserApp app, string culture)
{
    /// <summary>
    /// Every text a person reads or hears: text nodes, titles, placeholders, labels for assistive technology, validation
    /// messages; except what the page marks <c>translate="no"</c> (HTML's own mark for text that stays as it is: a trace
    /// id, the English names an import accepts).
    /// </summary>
    private const string InterfaceTexts = """
        () => {
          const out = [];
          const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
          const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const p = n.parentElement;
            if (!p || skip.has(p.tagName) || p.closest('[translate="no"]')) continue;
            const t = n.nodeValue.trim();
            if (t) out.push(t);
          }
          for (const el of document.querySelectorAll('*')) {
            if (el.closest('[translate="no"]')) continue;
            for (const a of el.attributes) {
              const message = /^data-val-[a-z]+$/.test(a.name);
              if (message || ['title', 'placeholder', 'aria-label', 'alt', 'aria-description'].includes(a.name)
                  || (a.name === 'value' && el.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(el.type))) {
                const t = a.value.trim();
                if (t && !(message && a.value === 'true')) out.push(t);
              }
            }
          }
          return out;
        }
        """;

    private static readonly string[] Reported = ["serious", "critical"];

    [BrowserFact]
    public async Task Every_page_for_every_role_has_no_serious_accessibility_violation_and_no_text_in_the_other_language()
    {
        var (visits, unmapped) = await PageCatalogue.VisitsAsync(app.Services);
        Assert.Empty(unmapped);
        var untranslated = await UntranslatedText.FromDatabaseAsync(app.Services);
        var problems = new List<string>();
        var visited = 0;
        // SECRECYDUTY_EVERY_PAGE_ROLES=OL (the access matrix's letters) narrows a local run; .ci/run checks every role.
        var only = Environment.GetEnvironmentVariable("SECRECYDUTY_EVERY_PAGE_ROLES");
        foreach (var (key, userName) in PageCatalogue.Principals.Where(p => string.IsNullOrEmpty(only) || only.Contains(p.Key, StringComparison.Ordinal)))
        {
            var page = await NewPageAsync(userName);
            foreach (var visit in visits.Where(v => v.AllowedKeys.Contains(key, StringComparison.Ordinal)))
            {
                var response = await page.GotoAsync(visit.Url);
                var where = $"{userName ?? "anonymous"} {visit.Url}";
                if (response is null || response.Status >= 500)
                {
                    problems.Add($"{where}: answered {response?.Status}");
                    continue;
                }

                if (!(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }

                visited++;
                var axe = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
                foreach (var violation in axe.Violations.Where(v => Reported.Contains(v.Impact)))
                {
                    problems.Add($"{where}: axe {violation.Impact} {violation.Id} on {violation.Nodes.Length} node(s), e.g. {violation.Nodes[0].Target}: {violation.Help}");
                }

                var texts = await page.EvaluateAsync<string[]>(InterfaceTexts);
                foreach (var text in untranslated.NotIn(culture, texts).Distinct(StringComparer.Ordinal))
                {
                    problems.Add($"{where}: not in {culture}: \"{text}\"");
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(visited > (string.IsNullOrEmpty(only) ? 50 : 10), $"Only {visited} pages were visited.");
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems));
    }

    private async Task<IPage> NewPageAsync(string? userName)
    {
        var page = await app.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.BaseAddress.ToString() }]);
        if (userName is not null)
        {
            var login = await LoginPage.OpenAsync(page);
            await login.SignInAsync(userName);
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        }

        return page;
    }
}

/// <summary>Every page in the Chinese interface.</summary>
public sealed class EveryPageInChineseTests(BrowserApp app) : EveryPageTests(app, "zh-CN"), IClassFixture<BrowserApp>;

/// <summary>Every page in the English interface.</summary>
public sealed class EveryPageInEnglishTests(BrowserApp app) : EveryPageTests(app, "en"), IClassFixture<BrowserApp>;
