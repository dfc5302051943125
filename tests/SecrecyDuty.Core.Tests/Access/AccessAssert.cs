using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>One row of an access table: a signed-in account holding one role, and what the area's access class answers.</summary>
internal static class AccessAssert
{
    public static ICurrentUser As(string role) => new FixedCurrentUser("u", 1, role);

    /// <summary>The rule answers <paramref name="allowed"/> for <paramref name="role"/>, and its Require* refuses exactly what it refuses.</summary>
    public static void Rule(string role, bool allowed, Func<ICurrentUser, bool> can, Action<ICurrentUser> require)
    {
        var user = As(role);
        Assert.Equal(allowed, can(user));
        if (allowed)
        {
            require(user);
        }
        else
        {
            Assert.Throws<AccessDeniedException>(() => require(user));
        }
    }

    public static void Rule(string role, bool allowed, Func<ICurrentUser, bool> can) => Assert.Equal(allowed, can(As(role)));
}
