using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceJudgedPerUnitAndYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplianceChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Everything = table.Column<bool>(type: "INTEGER", nullable: false),
                    Uncovers = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceCoverages",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CoveredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceCoverages", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "UnitYearCompliances",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    TreeKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 900, nullable: false),
                    JudgedFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    Briefings = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BriefingPractice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MemberMeetings = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecrecyOrganization = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RuleRegister = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Education = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Checklists = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RectificationOrders = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsCompliant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false),
                    PartlyMet = table.Column<int>(type: "INTEGER", nullable: false),
                    NotYetDue = table.Column<int>(type: "INTEGER", nullable: false),
                    BriefingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberMeetingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitYearCompliances", x => new { x.UnitId, x.Year });
                    table.ForeignKey(
                        name: "FK_UnitYearCompliances_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitYearCompliances_Year_JudgedFor",
                table: "UnitYearCompliances",
                columns: new[] { "Year", "JudgedFor" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitYearCompliances_Year_TreeKey_UnitId",
                table: "UnitYearCompliances",
                columns: new[] { "Year", "TreeKey", "UnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplianceChanges");

            migrationBuilder.DropTable(
                name: "ComplianceCoverages");

            migrationBuilder.DropTable(
                name: "UnitYearCompliances");
        }
    }
}
