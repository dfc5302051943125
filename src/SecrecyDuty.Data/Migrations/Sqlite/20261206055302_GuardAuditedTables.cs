using Microsoft.EntityFrameworkCore.Migrations;
using SecrecyDuty.Data.Auditing;

#nullable disable

namespace SecrecyDuty.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue 14, finding 8: the audited tables refuse raw SQL writes from connections that are not the app's
    /// (<see cref="SqliteWriteGuard"/>). The list is this migration's own, fixed as it was on the day.
    /// </summary>
    public partial class GuardAuditedTables : Migration
    {
        private static readonly string[] Tables =
        [
            "Activities", "ActivityAttendances", "Appraisals", "AspNetRoleClaims", "AspNetRoles", "AspNetUserClaims",
            "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "AspNetUsers", "AuditEntries", "Commendations",
            "DeficiencyCategories", "DutyChecklistItems", "DutyChecklists", "DutyItems", "EvidenceContents", "EvidenceFiles",
            "FindingPostings", "Findings", "IncidentFindings", "IncidentGrants", "IncidentOpenings", "IncidentPersons",
            "IncidentTransitions", "Incidents", "InspectionInspectors", "Inspections", "Leaders", "Postings", "Proposals",
            "RectificationOrders", "RectificationTransitions", "RegulationArticles", "Regulations", "RuleAreaExemptions",
            "RuleAreas", "RuleRegisterEntries", "SanctionDecisions", "SanctionRules", "ScoreSheetEntries", "ScoreSheets",
            "ScoreTemplateCategories", "ScoreTemplateGrades", "ScoreTemplateItems", "ScoreTemplates", "SecrecyCadres",
            "SecrecyOrganizationMembers", "SecrecyOrganizations", "UnitAncestries", "Units",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Tables.SelectMany(SqliteWriteGuard.CreateStatements))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Tables.SelectMany(SqliteWriteGuard.DropStatements))
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
