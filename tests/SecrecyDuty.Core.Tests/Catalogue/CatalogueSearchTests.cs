using SecrecyDuty.Core.Catalogue;

namespace SecrecyDuty.Core.Tests.Catalogue;

public sealed class CatalogueSearchTests
{
    [Theory]
    [InlineData("P5.3", "P5.3")]
    [InlineData("100%", "100\\%")]
    [InlineData("R_1", "R\\_1")]
    [InlineData("[秘密]", "\\[秘密]")]
    [InlineData("a\\b", "a\\\\b")]
    public void A_search_term_is_matched_literally(string term, string escaped) =>
        Assert.Equal(escaped, CatalogueService.EscapeLike(term));
}
