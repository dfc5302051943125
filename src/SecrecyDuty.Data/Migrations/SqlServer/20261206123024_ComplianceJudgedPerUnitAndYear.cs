using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Everything = table.Column<bool>(type: "bit", nullable: false),
                    Uncovers = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceCoverages",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    CoveredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Revision = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceCoverages", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "UnitYearCompliances",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    TreeKey = table.Column<string>(type: "varchar(900)", unicode: false, maxLength: 900, nullable: false),
                    JudgedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Generation = table.Column<int>(type: "int", nullable: false),
                    Briefings = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    BriefingPractice = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    MemberMeetings = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SecrecyOrganization = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RuleRegister = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Education = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Checklists = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RectificationOrders = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IsCompliant = table.Column<bool>(type: "bit", nullable: false),
                    Missing = table.Column<int>(type: "int", nullable: false),
                    PartlyMet = table.Column<int>(type: "int", nullable: false),
                    NotYetDue = table.Column<int>(type: "int", nullable: false),
                    BriefingCount = table.Column<int>(type: "int", nullable: false),
                    MemberMeetingCount = table.Column<int>(type: "int", nullable: false),
                    TrainingCount = table.Column<int>(type: "int", nullable: false)
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
