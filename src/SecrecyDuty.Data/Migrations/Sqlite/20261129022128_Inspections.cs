using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ActivityId",
                table: "EvidenceFiles",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "RectificationOrderId",
                table: "EvidenceFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BodyUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Units_BodyUnitId",
                        column: x => x.BodyUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeficiencyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OtherDeficiency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EvidenceSeen = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CorrectionRecommendation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CriticismCirculatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CriticismDocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.CheckConstraint("CK_Findings_CodeOrOther", "[DeficiencyCode] IS NOT NULL OR [OtherDeficiency] IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_Findings_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Findings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionInspectors",
                columns: table => new
                {
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionInspectors", x => new { x.InspectionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_InspectionInspectors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionInspectors_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingPostings",
                columns: table => new
                {
                    FindingId = table.Column<int>(type: "INTEGER", nullable: false),
                    PostingId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingPostings", x => new { x.FindingId, x.PostingId });
                    table.ForeignKey(
                        name: "FK_FindingPostings_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FindingPostings_Postings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "Postings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationOrders", x => x.Id);
                    table.CheckConstraint("CK_RectificationOrders_Deadline", "[Deadline] > [IssuedOn]");
                    table.ForeignKey(
                        name: "FK_RectificationOrders_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RectificationOrders_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationTransitions_RectificationOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "RectificationOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_RectificationOrderId",
                table: "EvidenceFiles",
                column: "RectificationOrderId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_EvidenceFiles_OneOwner",
                table: "EvidenceFiles",
                sql: "([ActivityId] IS NULL AND [RectificationOrderId] IS NOT NULL) OR ([ActivityId] IS NOT NULL AND [RectificationOrderId] IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_FindingPostings_PostingId",
                table: "FindingPostings",
                column: "PostingId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_InspectionId",
                table: "Findings",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_UnitId_DeficiencyCode",
                table: "Findings",
                columns: new[] { "UnitId", "DeficiencyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionInspectors_UserId",
                table: "InspectionInspectors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_BodyUnitId",
                table: "Inspections",
                column: "BodyUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Status_PlannedOn",
                table: "Inspections",
                columns: new[] { "Status", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_UnitId_PlannedOn",
                table: "Inspections",
                columns: new[] { "UnitId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationOrders_FindingId",
                table: "RectificationOrders",
                column: "FindingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RectificationOrders_Status_Deadline",
                table: "RectificationOrders",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationOrders_UnitId_Status_Deadline",
                table: "RectificationOrders",
                columns: new[] { "UnitId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationTransitions_OrderId",
                table: "RectificationTransitions",
                column: "OrderId");

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceFiles_RectificationOrders_RectificationOrderId",
                table: "EvidenceFiles",
                column: "RectificationOrderId",
                principalTable: "RectificationOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceFiles_RectificationOrders_RectificationOrderId",
                table: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "FindingPostings");

            migrationBuilder.DropTable(
                name: "InspectionInspectors");

            migrationBuilder.DropTable(
                name: "RectificationTransitions");

            migrationBuilder.DropTable(
                name: "RectificationOrders");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_RectificationOrderId",
                table: "EvidenceFiles");

            migrationBuilder.DropCheckConstraint(
                name: "CK_EvidenceFiles_OneOwner",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "RectificationOrderId",
                table: "EvidenceFiles");

            migrationBuilder.AlterColumn<int>(
                name: "ActivityId",
                table: "EvidenceFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
