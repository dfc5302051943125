using SecrecyDuty.Core.Catalogue;

namespace SecrecyDuty.Core.Tests.Catalogue;

/// <summary>A revised measure is a new file with a newer version; the newest is current.</summary>
public sealed class RegulationVersionTests
{
    [Theory]
    [InlineData("1.0", "1.1", -1)]
    [InlineData("1.9", "1.10", -1)]
    [InlineData("2", "1.99", 1)]
    [InlineData("2.0", "2.0", 0)]
    [InlineData("1.0.1", "1.0", 1)]
    public void Versions_compare_number_by_number(string left, string right, int sign) =>
        Assert.Equal(sign, Math.Sign(RegulationVersion.Comparer.Compare(left, right)));

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("3", true)]
    [InlineData("2.10.1", true)]
    [InlineData("", false)]
    [InlineData("v1", false)]
    [InlineData("1.", false)]
    [InlineData("1.0-rc", false)]
    public void A_version_is_numbers_separated_by_dots(string version, bool valid) =>
        Assert.Equal(valid, RegulationVersion.IsValid(version));
}
