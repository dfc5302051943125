namespace SecrecyDuty.Core.Access;

/// <summary>Thrown by a service when the current account's role does not allow the operation at all.</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException()
        : base("The current account's role does not allow this operation.")
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static void ThrowUnlessInAnyRole(ICurrentUser user, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAuthenticated || !roles.Any(user.IsInRole))
        {
            throw new AccessDeniedException();
        }
    }
}
