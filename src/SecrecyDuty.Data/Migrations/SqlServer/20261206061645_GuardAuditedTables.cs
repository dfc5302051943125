using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.SqlServer
{
    /// <summary>
    /// Nothing to do on SQL Server: the SQLite migration of the same name puts guard triggers on the record tables
    /// (docs/decisions/0021); on SQL Server, ledger tables give that guarantee (docs/security.md). Kept so that both
    /// providers have the same migrations in the same order.
    /// </summary>
    public partial class GuardAuditedTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
