using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IncidentFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DiscoveredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReportedToSecrecyDepartmentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReportedToSuperiorAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Classification = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    LeakType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Carrier = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    AggravatingFacts = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Severity = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Loss = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IllegalGainsConfiscated = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    RemedialMeasures = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RestrictedToNamedAccounts = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.CheckConstraint("CK_Incidents_IllegalGains", "[IllegalGainsConfiscated] IS NULL OR [IllegalGainsConfiscated] >= 0");
                    table.ForeignKey(
                        name: "FK_Incidents_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentFindings",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    FindingId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentFindings", x => new { x.IncidentId, x.FindingId });
                    table.ForeignKey(
                        name: "FK_IncidentFindings_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncidentFindings_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentGrants",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentGrants", x => new { x.IncidentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IncidentGrants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncidentGrants_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentOpenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentOpenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentOpenings_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentPersons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    PostingId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Post = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Relation = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    RelatedPostingId = table.Column<int>(type: "int", nullable: true),
                    Involvement = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    IsPartyMember = table.Column<bool>(type: "bit", nullable: false),
                    ProvedProperPerformance = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentPersons", x => x.Id);
                    table.CheckConstraint("CK_IncidentPersons_PostingOrName", "[PostingId] IS NOT NULL OR [Name] IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_IncidentPersons_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentPersons_Postings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncidentPersons_Postings_RelatedPostingId",
                        column: x => x.RelatedPostingId,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ToStatus = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentTransitions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFindings_FindingId",
                table: "IncidentFindings",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentGrants_UserId",
                table: "IncidentGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentOpenings_IncidentId_AtUtc",
                table: "IncidentOpenings",
                columns: new[] { "IncidentId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPersons_IncidentId",
                table: "IncidentPersons",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPersons_PostingId",
                table: "IncidentPersons",
                column: "PostingId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPersons_RelatedPostingId",
                table: "IncidentPersons",
                column: "RelatedPostingId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_UnitId_DiscoveredAtUtc",
                table: "Incidents",
                columns: new[] { "UnitId", "DiscoveredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentTransitions_IncidentId",
                table: "IncidentTransitions",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentFindings");

            migrationBuilder.DropTable(
                name: "IncidentGrants");

            migrationBuilder.DropTable(
                name: "IncidentOpenings");

            migrationBuilder.DropTable(
                name: "IncidentPersons");

            migrationBuilder.DropTable(
                name: "IncidentTransitions");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
