using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure.Concurrency;

/// <summary>
/// A page whose forms change a versioned record (docs/decisions/0020-optimistic-concurrency.md). Its GET handler sets
/// <see cref="Version"/> from the record; each form posts it back in the hidden field <c>Version</c>
/// (<c>Pages/Shared/_VersionField.cshtml</c>); a handler that gets a conflict from its service sets
/// <see cref="Conflict"/>, and <see cref="EditConflictFilter"/> does the rest.
/// </summary>
public interface IVersionedForm
{
    /// <summary>The version of the record the form was opened on.</summary>
    int Version { get; set; }

    /// <summary>Someone else saved the record since: shown by <c>&lt;partial name="_EditConflict" model="Model.Conflict" /&gt;</c>.</summary>
    EditConflict? Conflict { get; }
}
