namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// Drives the shared pager partial: builds each page's link keeping the list's other filters. <c>MoreThanTotal</c>: the
/// count stopped (<c>Paging.CountUpToAsync</c>), the list holds more than <c>TotalCount</c> rows and <c>PageCount</c> pages.
/// </summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, Func<int, string> UrlFor, bool MoreThanTotal = false)
{
    public bool HasNext => MoreThanTotal || Page < PageCount;
}
