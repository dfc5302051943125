using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_EvidenceFiles_OneOwner",
                table: "EvidenceFiles");

            migrationBuilder.AddColumn<int>(
                name: "ScoreSheetId",
                table: "EvidenceFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScoreTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    LoadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LoadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LoadedByUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreTemplates_Units_LoadedByUnitId",
                        column: x => x.LoadedByUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreTemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsApplicable = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    PointsKept = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    PercentageTenths = table.Column<int>(type: "INTEGER", nullable: true),
                    GradeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    VetoFailed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewOpinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                    table.CheckConstraint("CK_ScoreSheets_PercentageTenths", "[PercentageTenths] IS NULL OR [PercentageTenths] BETWEEN 0 AND 1000");
                    table.ForeignKey(
                        name: "FK_ScoreSheets_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_ScoreTemplates_ScoreTemplateId",
                        column: x => x.ScoreTemplateId,
                        principalTable: "ScoreTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreTemplateCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScoreTemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreTemplateCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreTemplateCategories_ScoreTemplates_ScoreTemplateId",
                        column: x => x.ScoreTemplateId,
                        principalTable: "ScoreTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreTemplateGrades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScoreTemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Minimum = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LabelEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreTemplateGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreTemplateGrades_ScoreTemplates_ScoreTemplateId",
                        column: x => x.ScoreTemplateId,
                        principalTable: "ScoreTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreTemplateItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScoreTemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    DeductionPerDefect = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    ExtraPerOccurrence = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    IsVeto = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnitKinds = table.Column<string>(type: "TEXT", nullable: false),
                    DutyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DeficiencyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreTemplateItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreTemplateItems_ScoreTemplateCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ScoreTemplateCategories",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScoreTemplateItems_ScoreTemplates_ScoreTemplateId",
                        column: x => x.ScoreTemplateId,
                        principalTable: "ScoreTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheetEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScoreSheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreTemplateItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    DefectCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingId = table.Column<int>(type: "INTEGER", nullable: true),
                    OccurrenceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NotApplicable = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotApplicableReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheetEntries", x => x.Id);
                    table.CheckConstraint("CK_ScoreSheetEntries_Counts", "[DefectCount] >= 0 AND [OccurrenceCount] >= 0");
                    table.CheckConstraint("CK_ScoreSheetEntries_NotApplicableReason", "[NotApplicable] = 0 OR [NotApplicableReason] IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_ScoreSheetEntries_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScoreSheetEntries_ScoreSheets_ScoreSheetId",
                        column: x => x.ScoreSheetId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScoreSheetEntries_ScoreTemplateItems_ScoreTemplateItemId",
                        column: x => x.ScoreTemplateItemId,
                        principalTable: "ScoreTemplateItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_ScoreSheetId",
                table: "EvidenceFiles",
                column: "ScoreSheetId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_EvidenceFiles_OneOwner",
                table: "EvidenceFiles",
                sql: "(CASE WHEN [ActivityId] IS NULL THEN 0 ELSE 1 END) + (CASE WHEN [RectificationOrderId] IS NULL THEN 0 ELSE 1 END) + (CASE WHEN [ScoreSheetId] IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheetEntries_FindingId",
                table: "ScoreSheetEntries",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheetEntries_ScoreSheetId_ScoreTemplateItemId",
                table: "ScoreSheetEntries",
                columns: new[] { "ScoreSheetId", "ScoreTemplateItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheetEntries_ScoreTemplateItemId",
                table: "ScoreSheetEntries",
                column: "ScoreTemplateItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_InspectionId_UnitId",
                table: "ScoreSheets",
                columns: new[] { "InspectionId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_ScoreTemplateId",
                table: "ScoreSheets",
                column: "ScoreTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_UnitId_GradeCode",
                table: "ScoreSheets",
                columns: new[] { "UnitId", "GradeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreTemplateCategories_ScoreTemplateId_Code",
                table: "ScoreTemplateCategories",
                columns: new[] { "ScoreTemplateId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreTemplateGrades_ScoreTemplateId_Code",
                table: "ScoreTemplateGrades",
                columns: new[] { "ScoreTemplateId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreTemplateItems_CategoryId",
                table: "ScoreTemplateItems",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreTemplateItems_ScoreTemplateId_Code",
                table: "ScoreTemplateItems",
                columns: new[] { "ScoreTemplateId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreTemplates_Code_Version",
                table: "ScoreTemplates",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreTemplates_LoadedByUnitId",
                table: "ScoreTemplates",
                column: "LoadedByUnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceFiles_ScoreSheets_ScoreSheetId",
                table: "EvidenceFiles",
                column: "ScoreSheetId",
                principalTable: "ScoreSheets",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceFiles_ScoreSheets_ScoreSheetId",
                table: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "ScoreSheetEntries");

            migrationBuilder.DropTable(
                name: "ScoreTemplateGrades");

            migrationBuilder.DropTable(
                name: "ScoreSheets");

            migrationBuilder.DropTable(
                name: "ScoreTemplateItems");

            migrationBuilder.DropTable(
                name: "ScoreTemplateCategories");

            migrationBuilder.DropTable(
                name: "ScoreTemplates");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_ScoreSheetId",
                table: "EvidenceFiles");

            migrationBuilder.DropCheckConstraint(
                name: "CK_EvidenceFiles_OneOwner",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "ScoreSheetId",
                table: "EvidenceFiles");

            migrationBuilder.AddCheckConstraint(
                name: "CK_EvidenceFiles_OneOwner",
                table: "EvidenceFiles",
                sql: "([ActivityId] IS NULL AND [RectificationOrderId] IS NOT NULL) OR ([ActivityId] IS NOT NULL AND [RectificationOrderId] IS NULL)");
        }
    }
}
