using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Art2ScopeAndUnitLife : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Units",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EstablishedOn",
                table: "Units",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsLargeOrMediumEnterprise",
                table: "Units",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LeadsSecrecyWork",
                table: "Postings",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ExpectedPeriodsPerYear",
                table: "DutyItems",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RuleAreaExemptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    RuleAreaId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleAreaExemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleAreaExemptions_RuleAreas_RuleAreaId",
                        column: x => x.RuleAreaId,
                        principalTable: "RuleAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RuleAreaExemptions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RuleAreaExemptions_RuleAreaId",
                table: "RuleAreaExemptions",
                column: "RuleAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleAreaExemptions_UnitId_RuleAreaId",
                table: "RuleAreaExemptions",
                columns: new[] { "UnitId", "RuleAreaId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RuleAreaExemptions");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "EstablishedOn",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "IsLargeOrMediumEnterprise",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "LeadsSecrecyWork",
                table: "Postings");

            migrationBuilder.DropColumn(
                name: "ExpectedPeriodsPerYear",
                table: "DutyItems");
        }
    }
}
