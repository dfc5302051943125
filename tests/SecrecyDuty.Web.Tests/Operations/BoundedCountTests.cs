using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Operations;

/// <summary>
/// The lists of a province count their rows only up to a window past the page shown (docs/decisions/0025): past it the
/// pager says "more than", and its next link still leads on to every row.
/// </summary>
public sealed class BoundedCountTests
{
    /// <summary>More than <see cref="Paging.CountWindow"/> leaders, postings holding this year and activities.</summary>
    private static readonly ProvinceSize Large = new(Units: 240, Leaders: 1200, Years: 2);

    [Fact]
    public async Task A_count_stops_a_window_past_the_page_and_is_exact_within_it()
    {
        using var app = TestApp.Rent();
        await app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(Large, _ => { }));

        var (total, counted) = await app.InScopeAsync(async sp =>
        {
            var leaders = sp.GetRequiredService<AppDbContext>().Leaders;
            return (await leaders.CountAsync(), new[]
            {
                await Paging.CountUpToAsync(leaders, page: 1, pageSize: 25),
                await Paging.CountUpToAsync(leaders, page: 9, pageSize: 25),
                await Paging.CountUpToAsync(leaders.Where(l => l.Id <= 30), page: 1, pageSize: 25),
            });
        });

        Assert.Equal(1200, total);
        Assert.Equal((Paging.CountWindow, true), counted[0]);
        Assert.Equal((1200, false), counted[1]);
        Assert.Equal((30, false), counted[2]);
    }

    [Theory]
    [InlineData("/Leaders")]
    [InlineData("/Activities")]
    [InlineData("/Checklists")]
    public async Task A_list_of_more_rows_than_the_window_says_more_than_and_pages_on_past_it(string list)
    {
        using var app = TestApp.Rent();
        await app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(Large, _ => { }));
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer", ProvinceGenerator.Password);

        var first = await TestApp.GetDocumentAsync(client, list);
        Assert.Contains("超过 1000 条记录", first.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("第 1 页，共超过 40 页", first.Body.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelectorAll("nav .page-link").Single(a => a.TextContent.Trim() == "下一页");
        Assert.Contains("pageNumber=2", next.GetAttribute("href"), StringComparison.Ordinal);

        // Past the first window: the page has its rows, and the count has moved on with it.
        var later = await TestApp.GetDocumentAsync(client, $"{list}?pageNumber=41");
        Assert.NotEmpty(later.QuerySelectorAll("tbody tr"));
        Assert.DoesNotContain("共 1000 条记录", later.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("超过 1000 条记录", later.Body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SortDirection.Ascending)]
    [InlineData(SortDirection.Descending)]
    public async Task The_checklists_pages_in_unit_order_are_the_rows_of_the_whole_list_in_that_order(SortDirection direction)
    {
        using var app = TestApp.Rent();
        await app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(new ProvinceSize(Units: 30, Leaders: 150, Years: 2), _ => { }));
        var root = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync());
        var officer = new FixedCurrentUser("officer", root, Roles.SecrecyOfficer);
        var filter = new ChecklistFilter { Sort = ChecklistSort.Unit, Direction = direction };

        // The export reads every row in the list's order, without the bound the pages take from their last row's unit.
        var all = await app.InScopeAsync(sp => TestApp.ServiceFor<ChecklistListService>(sp, officer).ExportAsync(filter));
        Assert.True(all.Count > 75, $"{all.Count} rows");
        foreach (var page in new[] { 1, 2, 3, (all.Count + 24) / 25 })
        {
            var shown = await app.InScopeAsync(sp => TestApp.ServiceFor<ChecklistListService>(sp, officer).IndexAsync(filter, page, 25));
            Assert.Equal(all.Skip((page - 1) * 25).Take(25).Select(r => r.PostingId), shown.List.Items.Select(r => r.PostingId));
        }
    }
}
