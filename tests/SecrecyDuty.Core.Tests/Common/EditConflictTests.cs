using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Tests.Common;

/// <summary>What a conflict lists (issue 14, "No lost updates"; docs/decisions/0020): the stored values beside the editor's own.</summary>
public sealed class EditConflictTests
{
    private static readonly VersionStamp Stored = new(3, new DateTime(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc), "wang");

    [Theory]
    [InlineData("青山市教育局", "青山市教育局", false)]
    [InlineData("青山市教育局", " 青山市教育局 ", false)] // text is compared as it is saved: trimmed
    [InlineData(null, "", false)] // an empty text and none are the same
    [InlineData(null, "  ", false)]
    [InlineData("甲", "乙", true)]
    [InlineData(null, "乙", true)]
    public void A_field_differs_when_the_stored_text_and_the_editors_are_not_the_same(string? theirs, string? yours, bool differs) =>
        Assert.Equal(differs, new ConflictField("Name", theirs, yours, HasYours: true).Differs);

    [Fact]
    public void Lists_differ_when_their_items_or_their_order_differ()
    {
        Assert.False(new ConflictField("Present", new List<string> { "张教", "李保" }, new[] { "张教", "李保" }, HasYours: true).Differs);
        Assert.True(new ConflictField("Present", new List<string> { "张教", "李保" }, new[] { "张教" }, HasYours: true).Differs);
        Assert.False(new ConflictField("Present", new List<string>(), null, HasYours: true).Differs);
    }

    [Fact]
    public void Values_of_other_kinds_are_compared_by_value()
    {
        Assert.False(new ConflictField("Budget", 12000m, 12000.00m, HasYours: true).Differs);
        Assert.True(new ConflictField("Set up on", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2), HasYours: true).Differs);
        Assert.True(new ConflictField("Large", false, true, HasYours: true).Differs);
    }

    [Fact]
    public void A_stored_value_the_editor_did_not_enter_never_counts_as_differing() =>
        Assert.False(new ConflictField("Status", "Active", null, HasYours: false).Differs);

    [Fact]
    public void A_field_empty_on_both_sides_is_left_out_and_the_others_keep_their_order()
    {
        var conflict = new EditConflict(Stored, "王秘书")
            .Field("Code", "P-QS-1", "P-QS-1")
            .Field("Audience", null, "")
            .Field("Name", "甲", "乙");

        Assert.Equal(["Code", "Name"], conflict.Fields.Select(f => f.Label));
        Assert.True(conflict.ShowsYours);
    }

    [Fact]
    public void Among_many_rows_only_those_that_differ_are_listed_when_asked()
    {
        var conflict = new EditConflict(Stored, null)
            .FieldIfChanged("C4.1 · Status", "Fulfilled", "Fulfilled")
            .FieldIfChanged("P5.3 · Status", "InProgress", "Fulfilled");

        Assert.Equal("P5.3 · Status", Assert.Single(conflict.Fields).Label);
    }

    [Fact]
    public void An_action_without_fields_lists_only_the_stored_values_and_carries_the_stored_version()
    {
        var conflict = new EditConflict(Stored, null).Stored("Status", "Deactivated").Stored("Closed on", null);

        Assert.False(conflict.ShowsYours);
        Assert.Equal(2, conflict.Fields.Count);
        Assert.Equal(3, conflict.Version);
        Assert.Equal(("wang", (string?)null), (conflict.Saved.SavedBy, conflict.SavedByName));
    }

    [Fact]
    public void A_conflict_is_a_failure_without_field_errors()
    {
        var result = Result.Failure(new EditConflict(Stored, null));
        var typed = Result<int>.Failure(new EditConflict(Stored, null));

        Assert.False(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.NotNull(result.Conflict);
        Assert.False(typed.Succeeded);
        Assert.Equal(0, typed.Value);
        Assert.Null(Result.Success().Conflict);
    }
}
