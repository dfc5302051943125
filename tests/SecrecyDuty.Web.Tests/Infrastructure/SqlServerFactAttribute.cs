namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>A test that needs a real SQL Server: reported as skipped, with the reason, when none is configured.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (!TestDatabase.UsesSqlServer)
        {
            Skip = $"No SQL Server: set {TestDatabase.SqlServerVariable} to a connection string to run this test.";
        }
    }
}
