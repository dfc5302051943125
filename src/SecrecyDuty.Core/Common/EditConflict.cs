namespace SecrecyDuty.Core.Common;

/// <summary>
/// Someone else saved the record after the editor opened it, so nothing was saved (optimistic concurrency,
/// docs/decisions/0020-optimistic-concurrency.md): the stored version with who saved it and when, and the stored values
/// field by field beside the editor's own. The form carries <see cref="Version"/> from now on, so that saving again
/// replaces the stored values deliberately.
/// </summary>
public sealed class EditConflict(VersionStamp stored, string? savedByName)
{
    private readonly List<ConflictField> _fields = [];

    public VersionStamp Saved { get; } = stored ?? throw new ArgumentNullException(nameof(stored));

    /// <summary>The version stored now, which the form carries from now on.</summary>
    public int Version => Saved.Version;

    /// <summary>The display name of the account that saved it, when the account is known; else only <see cref="VersionStamp.SavedBy"/>.</summary>
    public string? SavedByName { get; } = savedByName;

    public IReadOnlyList<ConflictField> Fields => _fields;

    /// <summary>Whether the editor's own values are listed (a form of fields), or only the stored ones (an action button).</summary>
    public bool ShowsYours => _fields.Exists(f => f.HasYours);

    /// <summary>A field of the form: its label, the stored value and the editor's. Left out when both are empty: it says nothing.</summary>
    public EditConflict Field(string label, object? theirs, object? yours)
    {
        var field = new ConflictField(label, theirs, yours, HasYours: true);
        if (!field.IsEmpty)
        {
            _fields.Add(field);
        }

        return this;
    }

    /// <summary>A field listed only when the stored value and the editor's differ: one of many rows (a checklist's items).</summary>
    public EditConflict FieldIfChanged(string label, object? theirs, object? yours)
    {
        var field = new ConflictField(label, theirs, yours, HasYours: true);
        if (field.Differs)
        {
            _fields.Add(field);
        }

        return this;
    }

    /// <summary>A stored value the editor's action depends on but did not enter (an action button has no fields).</summary>
    public EditConflict Stored(string label, object? theirs)
    {
        _fields.Add(new ConflictField(label, theirs, null, HasYours: false));
        return this;
    }
}

/// <summary>
/// One field of a conflict. Values are what the page formats (text, numbers, dates, yes/no, enum values); references
/// are given by name, lists as one text.
/// </summary>
public sealed record ConflictField(string Label, object? Theirs, object? Yours, bool HasYours)
{
    /// <summary>Whether the stored value and the editor's differ (an empty text and none are the same; text is compared trimmed).</summary>
    public bool Differs => HasYours && !Equals(Normalized(Theirs), Normalized(Yours));

    /// <summary>Both values empty (a field of another kind of activity, an optional field nobody filled in).</summary>
    public bool IsEmpty => Normalized(Theirs) is null && Normalized(Yours) is null;

    private static object? Normalized(object? value) => value switch
    {
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s => s.Trim(),

        // A list (members, attendees) is the same when it lists the same items in the same order.
        System.Collections.IEnumerable items => string.Join("\u001f", items.Cast<object?>().Select(i => Normalized(i)?.ToString())) is { Length: > 0 } joined ? joined : null,
        _ => value,
    };
}
