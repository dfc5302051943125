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

    /// <summary>Refuses the operation (403) unless the area's access class allows it: <c>ThrowUnless(UnitAccess.CanMaintain(user))</c>.</summary>
    public static void ThrowUnless(bool allowed)
    {
        if (!allowed)
        {
            throw new AccessDeniedException();
        }
    }
}
