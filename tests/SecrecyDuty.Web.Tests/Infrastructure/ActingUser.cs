using SecrecyDuty.Core.Access;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// The tests' <see cref="ICurrentUser"/>: the signed-in account of the request, unless a test sets
/// <see cref="Actor"/> to call services as a given account directly.
/// </summary>
public sealed class ActingUser(HttpCurrentUser http) : ICurrentUser
{
    public ICurrentUser? Actor { get; set; }

    private ICurrentUser Current => Actor ?? http;

    public bool IsAuthenticated => Current.IsAuthenticated;

    public string? UserId => Current.UserId;

    public string? UserName => Current.UserName;

    public int? UnitId => Current.UnitId;

    public IReadOnlyCollection<string> Roles => Current.Roles;

    public bool IsInRole(string role) => Current.IsInRole(role);
}
