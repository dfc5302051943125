using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecrecyDuty.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OptimisticConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every record that exists already starts at version 1 (Versions.First), so that a form which sent no version (0)
            // never saves over it (docs/decisions/0020-optimistic-concurrency.md).
            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Units",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Units",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Units",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "SecrecyOrganizations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "SecrecyOrganizations",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SecrecyOrganizations",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "ScoreSheets",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "ScoreSheets",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ScoreSheets",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "SanctionDecisions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "SanctionDecisions",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SanctionDecisions",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "RuleRegisterEntries",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "RuleRegisterEntries",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RuleRegisterEntries",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "RuleAreaExemptions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "RuleAreaExemptions",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RuleAreaExemptions",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "RectificationOrders",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "RectificationOrders",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RectificationOrders",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Proposals",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Proposals",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Proposals",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Postings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Postings",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Postings",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "NotificationPreferences",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "NotificationPreferences",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "NotificationPreferences",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Leaders",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Leaders",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Leaders",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Inspections",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Inspections",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Inspections",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Incidents",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Incidents",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Incidents",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Findings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Findings",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Findings",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "DutyChecklists",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "DutyChecklists",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "DutyChecklists",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "AspNetUsers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "AspNetUsers",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "AspNetUsers",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Appraisals",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Appraisals",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Appraisals",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SavedAtUtc",
                table: "Activities",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Activities",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Activities",
                type: "int",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "SecrecyOrganizations");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "SecrecyOrganizations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SecrecyOrganizations");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "SanctionDecisions");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "SanctionDecisions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SanctionDecisions");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "RuleRegisterEntries");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "RuleRegisterEntries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RuleRegisterEntries");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "RuleAreaExemptions");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "RuleAreaExemptions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RuleAreaExemptions");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "RectificationOrders");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "RectificationOrders");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RectificationOrders");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Postings");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Postings");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Postings");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "NotificationPreferences");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "NotificationPreferences");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "NotificationPreferences");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Leaders");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "DutyChecklists");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "DutyChecklists");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DutyChecklists");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Appraisals");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Appraisals");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Appraisals");

            migrationBuilder.DropColumn(
                name: "SavedAtUtc",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Activities");
        }
    }
}
