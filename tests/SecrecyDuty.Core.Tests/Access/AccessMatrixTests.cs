using System.Reflection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>
/// The matrix of every area's role rules (<see cref="AccessMatrix"/>), which the access-matrix test of the whole
/// application enumerates over <see cref="Roles.All"/>: complete, and closed to accounts without a role.
/// </summary>
public sealed class AccessMatrixTests
{
    [Fact]
    public void Every_public_Can_rule_of_every_access_class_is_in_the_matrix()
    {
        var classes = typeof(AccessMatrix).Assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Access", StringComparison.Ordinal))
            .ToList();
        var declared = classes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Can", StringComparison.Ordinal) && m.ReturnType == typeof(bool)
                && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(ICurrentUser))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Order(StringComparer.Ordinal);
        var listed = AccessMatrix.Rules
            .Select(r => $"{r.Allows.Method.DeclaringType!.Name}.{r.Action}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, listed);
        Assert.All(AccessMatrix.Rules, r => Assert.Equal(r.Action, r.Allows.Method.Name));
        Assert.Equal(12, classes.Count);
    }

    [Fact]
    public void Every_rule_says_where_it_comes_from_and_is_listed_once() =>
        Assert.All(AccessMatrix.Rules.GroupBy(r => (r.Area, r.Action)), g =>
        {
            Assert.Single(g);
            Assert.False(string.IsNullOrWhiteSpace(g.Single().Basis));
        });

    [Fact]
    public void A_signed_out_request_may_do_nothing_whatever_roles_it_claims()
    {
        var signedOut = new FixedCurrentUser(null, null, [.. Roles.All]);

        Assert.All(AccessMatrix.Rules, r => Assert.False(r.Allows(signedOut), $"{r.Area}: {r.Action}"));
    }

    [Fact]
    public void An_account_without_a_role_or_with_an_unknown_one_may_do_nothing()
    {
        Assert.All(AccessMatrix.Rules, r => Assert.False(r.Allows(new FixedCurrentUser("u", 1)), $"{r.Area}: {r.Action}"));
        Assert.All(AccessMatrix.Rules, r => Assert.False(r.AllowsRole("Unknown"), $"{r.Area}: {r.Action}"));
    }

    [Fact]
    public void Every_known_role_may_do_something_and_no_rule_is_open_to_every_role()
    {
        Assert.All(Roles.All, role => Assert.Contains(AccessMatrix.Rules, r => r.AllowsRole(role)));
        Assert.All(AccessMatrix.Rules, r => Assert.Contains(Roles.All, role => !r.AllowsRole(role)));
    }
}
