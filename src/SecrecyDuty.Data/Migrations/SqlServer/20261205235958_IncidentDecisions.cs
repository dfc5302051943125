using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IncidentDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IncidentId",
                table: "Proposals",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SanctionDecisions",
                columns: table => new
                {
                    IncidentPersonId = table.Column<int>(type: "int", nullable: false),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Administrative = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Party = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OutsideGuidance = table.Column<bool>(type: "bit", nullable: false),
                    Justification = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SanctionDecisions", x => x.IncidentPersonId);
                    table.CheckConstraint("CK_SanctionDecisions_Justified", "[OutsideGuidance] = 0 OR [Justification] IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_SanctionDecisions_IncidentPersons_IncidentPersonId",
                        column: x => x.IncidentPersonId,
                        principalTable: "IncidentPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SanctionDecisions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_IncidentId",
                table: "Proposals",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SanctionDecisions_IncidentId",
                table: "SanctionDecisions",
                column: "IncidentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Proposals_Incidents_IncidentId",
                table: "Proposals",
                column: "IncidentId",
                principalTable: "Incidents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Proposals_Incidents_IncidentId",
                table: "Proposals");

            migrationBuilder.DropTable(
                name: "SanctionDecisions");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_IncidentId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "IncidentId",
                table: "Proposals");
        }
    }
}
