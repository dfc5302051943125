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

public sealed class BoundedPagingTests
{
    [Fact]
    public void A_count_that_stopped_still_offers_the_next_page_even_on_its_last_counted_page()
    {
        var stopped = Paging.Page<int>([], page: 40, pageSize: 25, count: (1000, true));

        Assert.Equal((40, true, true), (stopped.PageCount, stopped.MoreThanTotal, stopped.HasNext));
    }

    [Fact]
    public void An_exact_count_ends_the_pages()
    {
        var exact = Paging.Page<int>([], page: 4, pageSize: 25, count: (100, false));

        Assert.Equal((4, false, false), (exact.PageCount, exact.MoreThanTotal, exact.HasNext));
    }
}

public sealed class PrefixSearchTests
{
    [Theory]
    [InlineData("王", "玌")]
    [InlineData("A-00", "A-01")]
    [InlineData("a\uD7FF", "a\uE000")]
    [InlineData("𠀀", "𠀁")]
    [InlineData("x\U0010FFFF", "y")]
    public void The_upper_bound_is_the_prefix_with_its_last_code_point_raised(string prefix, string bound) =>
        Assert.Equal(bound, PrefixSearch.UpperBound(prefix));

    [Theory]
    [InlineData("")]
    [InlineData("\U0010FFFF")]
    public void There_is_no_upper_bound_when_no_code_point_can_be_raised(string prefix) =>
        Assert.Null(PrefixSearch.UpperBound(prefix));

    [Theory]
    [InlineData("王", "王小明", true)]
    [InlineData("王", "王", true)]
    [InlineData("王", "小王", false)]
    [InlineData("王", "玌", false)]
    [InlineData("A-00", "A-009", true)]
    [InlineData("A-00", "A-01", false)]
    public void Every_text_starting_with_the_prefix_and_no_other_lies_in_the_range(string prefix, string text, bool inRange) =>
        Assert.Equal(
            inRange,
            string.CompareOrdinal(text, prefix) >= 0 && string.CompareOrdinal(text, PrefixSearch.UpperBound(prefix)) < 0);
}
