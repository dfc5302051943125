using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider. The SQLite connection string may
    /// contain <c>{DataDirectory}</c>, replaced by the app's data folder (created when missing).
    /// </summary>
    public static IServiceCollection AddSecrecyDutyDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServer = configuration.GetConnectionString("SqlServer");
                if (string.IsNullOrWhiteSpace(sqlServer))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:SqlServer is empty. Set it in configuration or in the environment variable ConnectionStrings__SqlServer.");
                }

                services.AddDbContext<AppDbContext, SqlServerDbContext>(o => o.UseSqlServer(sqlServer));
                break;
            default:
                Directory.CreateDirectory(dataDirectory);
                var sqlite = (configuration.GetConnectionString("Sqlite") ?? "Data Source={DataDirectory}/secrecyduty.db")
                    .Replace("{DataDirectory}", dataDirectory, StringComparison.Ordinal);
                services.AddDbContext<AppDbContext, SqliteDbContext>(o => o.UseSqlite(sqlite));
                break;
        }

        services.AddScoped<ISecrecyDutyDb>(sp => sp.GetRequiredService<AppDbContext>());
        return services;
    }
}
