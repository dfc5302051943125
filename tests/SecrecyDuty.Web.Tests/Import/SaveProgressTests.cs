using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Tests.Import;

/// <summary>
/// docs/import.md "Jobs and progress": the import's write reports rows written only where the provider writes one row per
/// command; each provider's context in Data decides, so that Core names no provider.
/// </summary>
public sealed class SaveProgressTests
{
    [Fact]
    public void The_SQLite_context_counts_rows_written_and_the_SQL_Server_context_which_batches_does_not()
    {
        using var sqlite = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerDbContext(new DbContextOptionsBuilder<SqlServerDbContext>().UseSqlServer("Server=(none);Database=none").Options);

        using var counter = sqlite.TrackSaveProgress();

        Assert.NotNull(counter);
        Assert.Null(sqlServer.TrackSaveProgress());
    }
}
