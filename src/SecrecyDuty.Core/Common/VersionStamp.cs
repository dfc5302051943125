namespace SecrecyDuty.Core.Common;

/// <summary>A versioned record's version and its last save: what an edit form carries back, and what a conflict names.</summary>
public sealed record VersionStamp(int Version, DateTime? SavedAtUtc, string? SavedBy)
{
    /// <summary>The stamp of a record that does not exist yet.</summary>
    public static VersionStamp None { get; } = new(Versions.None, null, null);
}
