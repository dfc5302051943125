using Microsoft.Data.Sqlite;
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
        var connectionString = ConnectionString(configuration, options.Provider, dataDirectory);
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContext<AppDbContext, SqlServerDbContext>(o => o.UseSqlServer(connectionString));
                break;
            default:
                services.AddDbContext<AppDbContext, SqliteDbContext>(o => o.UseSqlite(connectionString));
                break;
        }

        services.AddScoped<ISecrecyDutyDb>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<Core.Auditing.IDataTableGuard, Auditing.DataTableGuardCheck>();
        return services;
    }

    /// <summary>
    /// The SQLite connection string with its busy timeout: a command that meets another connection's write lock is
    /// retried for this many seconds before it fails (docs/configuration.md, <c>Database:SqliteBusyTimeoutSeconds</c>).
    /// </summary>
    public static string WithBusyTimeout(string connectionString, int seconds) =>
        seconds < 1
            ? throw new InvalidOperationException($"Database:SqliteBusyTimeoutSeconds must be at least 1 (it is {seconds}).")
            : new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = seconds }.ConnectionString;

    /// <summary>
    /// The connection string of <paramref name="provider"/> from configuration: the app's own database, which the
    /// scheduler's job store shares. For SQLite, <c>{DataDirectory}</c> is replaced by the data folder (created when missing),
    /// and the busy timeout is set (<see cref="WithBusyTimeout"/>).
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (provider == DatabaseProvider.SqlServer)
        {
            var sqlServer = configuration.GetConnectionString("SqlServer");
            return string.IsNullOrWhiteSpace(sqlServer)
                ? throw new InvalidOperationException(
                    "Database:Provider is SqlServer but ConnectionStrings:SqlServer is empty. Set it in configuration or in the environment variable ConnectionStrings__SqlServer.")
                : sqlServer;
        }

        Directory.CreateDirectory(dataDirectory);
        var sqlite = (configuration.GetConnectionString("Sqlite") ?? "Data Source={DataDirectory}/secrecyduty.db")
            .Replace("{DataDirectory}", dataDirectory, StringComparison.Ordinal);
        var busyTimeout = configuration.GetValue($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.SqliteBusyTimeoutSeconds)}", new DatabaseOptions().SqliteBusyTimeoutSeconds);
        return WithBusyTimeout(sqlite, busyTimeout);
    }
}
