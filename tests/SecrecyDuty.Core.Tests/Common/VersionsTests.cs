using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Tests.Common;

/// <summary>
/// The versioning rule of optimistic concurrency (issue 14, "No lost updates"; docs/decisions/0020), one row per case:
/// an edit is saved over the version it was opened on and no other.
/// </summary>
public sealed class VersionsTests
{
    [Theory]
    [InlineData(1, 1, true)] // opened on the stored version
    [InlineData(7, 7, true)]
    [InlineData(2, 1, false)] // someone else saved since
    [InlineData(7, 6, false)]
    [InlineData(1, 2, false)] // a version not stored yet: never
    [InlineData(1, 0, false)] // a form that sent no version is never saved over a stored record
    [InlineData(0, 0, false)] // a stored record is never at version 0 (the migration gave existing rows 1)
    public void An_edit_is_saved_only_over_the_version_it_was_opened_on(int stored, int seen, bool allowed) =>
        Assert.Equal(allowed, Versions.Allows(stored, seen));

    [Theory]
    [InlineData(0, true)] // opened on no record, and there is still none: the first save creates it
    [InlineData(1, false)] // a version of a record that is gone
    public void A_form_opened_on_no_record_creates_it_only_while_there_is_still_none(int seen, bool allowed) =>
        Assert.Equal(allowed, Versions.Allows(stored: null, seen));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(41, 42)]
    [InlineData(0, 1)] // a version below the first (a row written outside the app) goes to the first
    public void Each_save_raises_the_version_by_one(int version, int next) =>
        Assert.Equal(next, Versions.Next(version));

    [Fact]
    public void A_new_record_starts_at_the_first_version_and_a_form_on_no_record_carries_none() =>
        Assert.Equal((1, 0), (Versions.First, Versions.None));
}
