using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Web.Infrastructure;

public static class CoreServiceRegistration
{
    /// <summary>
    /// Registers every public concrete class of Core whose name ends in "Service" as scoped: a feature
    /// adds its service without touching the composition root (docs/decisions/0002-services-use-ef-core.md).
    /// </summary>
    public static IServiceCollection AddCoreServices(this IServiceCollection services)
    {
        var types = typeof(AccountService).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && t.Name.EndsWith("Service", StringComparison.Ordinal));
        foreach (var type in types)
        {
            services.AddScoped(type);
        }

        return services;
    }
}
