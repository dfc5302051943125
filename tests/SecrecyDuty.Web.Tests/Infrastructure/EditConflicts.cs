using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// Two people saving one record (docs/decisions/0020-optimistic-concurrency.md): the answer to the second save, refused
/// with the conflict panel, and that page's form posted again as a browser would (the person's values, the stored version).
/// </summary>
public static class EditConflicts
{
    /// <summary>A save that went through: the redirect of post/redirect/get (the page's messages otherwise).</summary>
    public static async Task AssertSavedAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await TestApp.ParseAsync(response);
            var messages = string.Join(" | ", page.QuerySelectorAll(".field-validation-error, .validation-summary-errors, #edit-conflict").Select(e => e.TextContent.Trim()));
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {messages}");
        }
    }

    /// <summary>A save refused because someone else saved first: 409 Conflict, with the panel.</summary>
    public static async Task<IHtmlDocument> AssertConflictAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"Expected 409, got {(int)response.StatusCode}");
        var page = new HtmlParser().ParseDocument(html);
        Assert.NotNull(page.QuerySelector("#edit-conflict"));
        return page;
    }

    /// <summary>The panel's fields by label: the stored value, and the person's own (null when the panel lists only the stored ones).</summary>
    public static IReadOnlyDictionary<string, (string Theirs, string? Yours)> Fields(IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelectorAll("#edit-conflict-fields tbody tr").ToDictionary(
            row => row.QuerySelector("th")!.TextContent.Trim(),
            row => (row.QuerySelector(".conflict-theirs")!.TextContent.Trim(), row.QuerySelector(".conflict-yours")?.TextContent.Trim()));
    }

    /// <summary>Who saved the record and when, as the panel says it.</summary>
    public static string Saved(IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector("#edit-conflict-saved")!.TextContent.Trim();
    }

    /// <summary>A form of the conflict page, as the browser would post it again.</summary>
    public static FormFields Form(IHtmlDocument page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FormFields.From(page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"The conflict page has no form {selector}."));
    }
}
