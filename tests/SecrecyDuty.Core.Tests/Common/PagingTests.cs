using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Tests.Common;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 0, 1, Paging.DefaultPageSize)]
    [InlineData(-3, 10, 1, 10)]
    [InlineData(2, 100000, 2, Paging.MaxPageSize)]
    public void Page_input_is_clamped(int page, int size, int expectedPage, int expectedSize) =>
        Assert.Equal((expectedPage, expectedSize), Paging.Normalize(page, size));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(25, 1)]
    [InlineData(26, 2)]
    public void Page_count_rounds_up_and_is_at_least_one(int total, int pages) =>
        Assert.Equal(pages, new PagedList<int>([], 1, 25, total).PageCount);
}
