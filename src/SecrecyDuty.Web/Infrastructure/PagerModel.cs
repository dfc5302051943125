namespace SecrecyDuty.Web.Infrastructure;

/// <summary>Drives the shared pager partial: builds each page's link keeping the list's other filters.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, Func<int, string> UrlFor);
