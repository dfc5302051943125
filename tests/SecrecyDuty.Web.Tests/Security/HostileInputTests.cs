using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, "Bad input": every POST handler the app maps (its own endpoint data), reached as an account allowed to use
/// it on a record of the demo province, is posted its form with one field at a time replaced by a hostile value:
/// over-long text (100,000 characters), values of the wrong type ("abc", 2026-02-30, -1, 2³¹, "1,2" for an enum), script
/// and SQL text, the field missing or empty, and the id of a record outside the account's jurisdiction; the route's own
/// id is forged too, and the antiforgery token left out. Never a 5xx. A refused value gets the form back with a message
/// beside the field (above the form for a field that is not shown), or 404/403 for a forged id, and the database is
/// unchanged, row for row. Where a value is accepted (script or SQL text in free text is just text), it is stored as
/// typed and shown HTML-encoded; the database is then put back as it was. A POST handler the table below does not
/// reach fails the test, so that a new form is swept too. Set <c>SECRECYDUTY_HOSTILE_LOG</c> to a file's path to have every
/// request's answer written there, with where the time went.
/// </summary>
public sealed partial class HostileInputTests
{
    private const string Qingshan = "SF-QS";

    /// <summary>The visitor who has not signed in.</summary>
    private const string Anonymous = "-";

    /// <summary>The inspecting body may be any unit of the province (a provincial bureau inspects a city's unit): its picker offers them all.</summary>
    private static readonly Dictionary<string, string> AnyInspectingBody = new(StringComparer.Ordinal)
    {
        ["Input.BodyUnitId"] = "the inspecting body is chosen among the units of the whole province, not the jurisdiction (its picker's scope); the inspected unit is the jurisdiction's",
    };

    /// <summary>An organization's rows carry their own ids: one the organization does not hold is taken as a new row.</summary>
    private static readonly Dictionary<string, string> OrganizationRows = new(StringComparer.Ordinal)
    {
        ["Input.Members[0].Id"] = "a member row whose id the organization does not hold is a new row; no other organization's row is read or changed (checked: the forged row is untouched)",
        ["Input.Cadres[0].Id"] = "a cadre row whose id the organization does not hold is a new row; no other organization's row is read or changed (checked: the forged row is untouched)",
    };

    /// <summary>
    /// How each POST handler is reached: as whom, from which page (its form is the one that posts to the handler), with
    /// which values filled in so that the form is otherwise valid. The ids are records of the demo province inside the
    /// account's jurisdiction (Qingshan, for the "qs." accounts, so that the records outside are forged ids).
    /// </summary>
    private static readonly Dictionary<string, Reach> Reaches = new(StringComparer.Ordinal)
    {
        ["POST /Account/Login"] = new(Anonymous, _ => "/Account/Login", _ => [("Input.UserName", "nobody.here"), ("Input.Password", "Wrong-Password-2026")],
            BaselineRefused: "a user name no account has, so that no attempt counts towards an account's lockout: refused with the page's one message, and every variant with it (sign-ins are audited on purpose, and left aside)",
            MessageAbove: "the sign-in page says one thing, above the form, for every refused sign-in, so as not to tell which of the two was wrong (finding 7)"),
        ["POST /Account/Password"] = new("qs.supervisor", _ => "/Account/Password", _ =>
            [("Input.CurrentPassword", TestApp.Password), ("Input.NewPassword", "Another-Password-2026"), ("Input.ConfirmPassword", "Another-Password-2026")]),
        ["POST /Account/TwoFactor?handler=Start"] = new("qs.supervisor", _ => "/Account/TwoFactor"),
        ["POST /Account/TwoFactor?handler=Confirm"] = new("qs.cadre", _ => "/Account/TwoFactor", r => [("Code", r.CodeFor("qs.cadre"))], ShowsResult: true),
        ["POST /Account/TwoFactor?handler=Disable"] = new("qs.twofactor", _ => "/Account/TwoFactor"),
        ["POST /Account/TwoFactor?handler=RecoveryCodes"] = new("qs.twofactor", _ => "/Account/TwoFactor", ShowsResult: true),
        ["POST /Culture"] = new("qs.officer", _ => "/Units", _ => [("culture", "zh-CN")]),

        ["POST /Activities/Create"] = new("qs.officer", r => $"/Activities/Create?kind=PublicationReview&unitId={r.Unit}", r =>
            [("Input.Date", "2026-11-20"), ("Input.Title", "门户网站信息发布审查"), ("Input.Presenters", "王青"), ("Input.Topics", "年度工作总结"), ("Input.PostingIds", Id(r.Posting)),
             ("Input.ReviewedItem", "年度工作总结"), ("Input.Reviewer", "周敏"), ("Input.ReviewOutcome", "ApprovedWithChanges")]),
        ["POST /Activities/Create?handler=Refresh"] = new("qs.officer", r => $"/Activities/Create?kind=PublicationReview&unitId={r.Unit}", Redisplays: true),
        ["POST /Activities/Edit"] = new("qs.officer", r => $"/Activities/Edit/{r.Training}"),
        ["POST /Activities/Edit?handler=Refresh"] = new("qs.officer", r => $"/Activities/Edit/{r.Training}", Redisplays: true),
        ["POST /Activities/Details?handler=Upload"] = new("qs.officer", r => $"/Activities/Details/{r.Activity}", BaselineRefused: "its only field is the files, which UploadTests and EvidenceTests send"),
        ["POST /Activities/Details?handler=RemoveEvidence"] = new("qs.officer", r => $"/Activities/Details/{r.Activity}"),

        ["POST /Admin/Accounts/Create"] = new("qs.admin", _ => "/Admin/Accounts/Create", r =>
            [("Input.UserName", "qs.new"), ("Input.DisplayName", "新账户"), ("Input.UnitId", Id(r.Unit)), ("Input.Role", Roles.Supervisor), ("Input.Password", "New-Password-2026")]),
        ["POST /Admin/Accounts/Details?handler=ResetPassword"] = new("qs.admin", r => $"/Admin/Accounts/Details/{r.Account}", _ => [("Reset.NewPassword", "Reset-Password-2026")]),
        ["POST /Admin/Accounts/Details?handler=ChangeRole"] = new("qs.admin", r => $"/Admin/Accounts/Details/{r.Account}", _ => [("RoleInput.Role", Roles.Supervisor)]),
        ["POST /Admin/Accounts/Details?handler=Deactivate"] = new("qs.admin", r => $"/Admin/Accounts/Details/{r.Account}"),
        ["POST /Admin/Accounts/Details?handler=Unlock"] = new("qs.admin", r => $"/Admin/Accounts/Details/{r.Account}"),
        ["POST /Admin/Accounts/Details?handler=ResetTwoFactor"] = new("qs.admin", r => $"/Admin/Accounts/Details/{r.Account}"),
        ["POST /Admin/Accounts/Details?handler=Reactivate"] = new("qs.admin", r => $"/Admin/Accounts/Details/{r.DeactivatedAccount}"),

        ["POST /Appraisals/Leader?handler=DutyReport"] = new("leader", r => $"/Appraisals/Leader/{r.OwnLeader}?year=2026", _ => [("DutyReport.DutyReportSection", "本人履行保密工作职责情况良好。")]),
        ["POST /Appraisals/Leader?handler=Opinion"] = new("qs.officer", r => $"/Appraisals/Leader/{r.Leader}?year=2026", _ => [("Opinion.OrganizationOpinion", "履职情况良好。")]),
        ["POST /Appraisals/Leader?handler=Decision"] = new("qs.cadre", r => $"/Appraisals/Leader/{r.Leader}?year=2026", _ => [("Decision.Grade", "Competent")]),
        ["POST /Appraisals/Leader?handler=Finalize"] = new("qs.cadre", r => $"/Appraisals/Leader/{r.Leader}?year=2026", _ => [("Decision.Grade", "Competent")]),

        ["POST /Checklists/Index?handler=Generate"] = new("qs.officer", _ => "/Checklists?year=2026", r => [("Generate.UnitId", Id(r.Unit)), ("Generate.Year", "2026")]),
        ["POST /Checklists/Posting?handler=Generate"] = new("qs.officer", r => $"/Checklists/Posting/{r.PostingWithoutChecklist}?year=2026", Lenient: new Dictionary<string, string>
        {
            ["year"] = "the checklist's year, in the address: for a year without a checklist to generate nothing is generated, and the checklist page it returns to says why (\"Checklists are kept for the years from 2000 to the current year.\")",
        }),
        ["POST /Checklists/Posting"] = new("leader", r => $"/Checklists/Posting/{r.OwnPosting}?year=2026"),
        ["POST /Checklists/Posting?handler=Submit"] = new("leader", r => $"/Checklists/Posting/{r.OwnPosting}?year=2026"),
        ["POST /Checklists/Posting?handler=Review"] = new("qs.officer", r => $"/Checklists/Posting/{r.SubmittedChecklistPosting}?year=2026", _ => [("Review.Opinion", "同意。")]),
        ["POST /Checklists/Posting?handler=Return"] = new("qs.officer", r => $"/Checklists/Posting/{r.SubmittedChecklistPosting}?year=2026", _ => [("Review.Opinion", "请补充。")]),

        ["POST /Import/Index"] = new("qs.officer", _ => "/Import", BaselineRefused: "its only input is the file, which ImportTests and ImportLimitsTests send"),
        ["POST /Import/Index?handler=Commit"] = new("qs.officer", r => $"/Import?id={r.ImportRun}", Lenient: new Dictionary<string, string>
        {
            ["id"] = "a dry run that is not the account's own, or no longer there, is answered as an expired check: back to the imports with that message, nothing queued (checked: the other account's run is untouched)",
        }),

        ["POST /Incidents/Register"] = new("qs.officer", r => $"/Incidents/Register?unitId={r.Unit}", _ =>
            [("Input.Title", "涉密文件误发事件"), ("Input.OccurredOn", "2026-11-25"), ("Input.DiscoveredAt", "2026-11-26T10:00"), ("Input.Classification", "Secret"), ("Input.LeakType", "BeyondScopeNotProvable"), ("Input.Carrier", "Paper"), ("Input.Description", "误发至非涉密邮箱。")]),
        ["POST /Incidents/Assess"] = new("qs.officer", r => $"/Incidents/Assess/{r.Incident}"),
        ["POST /Incidents/Person"] = new("qs.officer", r => $"/Incidents/Person/{r.Incident}", _ => [("Input.Name", "钱某"), ("Input.Post", "机要员"), ("Input.Involvement", "PersonalLeak")]),
        ["POST /Incidents/Details?handler=Advance"] = new("qs.officer", r => $"/Incidents/Details/{r.Incident}", _ => [("step", "SendToDisciplineReview")]),
        ["POST /Incidents/Details?handler=Grant"] = new("qs.officer", r => $"/Incidents/Details/{r.Incident}", _ => [("Grant.UserName", "qs.supervisor")]),
        ["POST /Incidents/Details?handler=Revoke"] = new("qs.officer", r => $"/Incidents/Details/{r.Incident}"),
        ["POST /Incidents/Details?handler=Link"] = new("qs.officer", r => $"/Incidents/Details/{r.Incident}"),
        ["POST /Incidents/Details?handler=Unlink"] = new("qs.officer", r => $"/Incidents/Details/{r.Incident}"),
        ["POST /Incidents/Details?handler=RemovePerson"] = new("qs.officer", r => $"/Incidents/Details/{r.Incident}"),
        ["POST /Incidents/Decision"] = new("qs.discipline", r => $"/Incidents/Decision/{r.IncidentUnderReview}/{r.IncidentPerson}", _ => [("Input.Administrative", "Warning"), ("Input.DocumentNumber", "青纪发〔2026〕20号")]),

        ["POST /Inspections/Create"] = new("qs.officer", _ => "/Inspections/Create", r =>
            [("Input.UnitId", Id(r.Unit)), ("Input.Body", "SecrecyDepartment"), ("Input.BodyUnitId", Id(r.SecrecyBureau)), ("Input.Kind", "Routine"), ("Input.PlannedOn", "2026-12-10"), ("Input.Scope", "保密工作责任制落实情况")],
            Lenient: AnyInspectingBody),
        ["POST /Inspections/Edit"] = new("qs.officer", r => $"/Inspections/Edit/{r.PlannedInspection}", Lenient: AnyInspectingBody),
        ["POST /Inspections/Details?handler=Start"] = new("qs.officer", r => $"/Inspections/Details/{r.PlannedInspection}"),
        ["POST /Inspections/Details?handler=Complete"] = new("qs.officer", r => $"/Inspections/Details/{r.Inspection}", _ => [("Completion.Conclusion", "总体良好。")]),
        ["POST /Inspections/Details?handler=RemoveFinding"] = new("qs.officer", r => $"/Inspections/Details/{r.Inspection}"),
        ["POST /Inspections/Finding"] = new("qs.officer", r => $"/Inspections/Finding/{r.Inspection}", r =>
            [("Input.DeficiencyCode", "D15.2"), ("Input.Description", "未开展保密教育。"), ("Input.Severity", "Minor"), ("Input.PostingIds", Id(r.InspectedPosting))]),
        ["POST /Inspections/Finding?handler=Suggest"] = new("qs.officer", r => $"/Inspections/Finding/{r.Inspection}", Redisplays: true),
        ["POST /Inspections/Orders/Issue"] = new("qs.officer", r => $"/Inspections/Orders/Issue/{r.FindingWithoutOrder}", _ => [("Input.Deadline", "2027-01-31"), ("Input.Requirements", "限期整改。")]),
        ["POST /Inspections/Orders/Details?handler=Report"] = new("qs.officer", r => $"/Inspections/Orders/Details/{r.Order}", _ => [("Report.Note", "已整改。")]),
        ["POST /Inspections/Orders/Details?handler=Verify"] = new("qs.officer", r => $"/Inspections/Orders/Details/{r.ReportedOrder}"),
        ["POST /Inspections/Orders/Details?handler=SendBack"] = new("qs.officer", r => $"/Inspections/Orders/Details/{r.ReportedOrder}", _ => [("Review.Note", "请补充。")]),
        ["POST /Inspections/Scores/Sheet?handler=Start"] = new("qs.officer", r => $"/Inspections/Scores/Sheet/{r.Inspection}"),
        ["POST /Inspections/Scores/Sheet"] = new("qs.officer", r => $"/Inspections/Scores/Sheet/{r.SelfInspection}"),
        ["POST /Inspections/Scores/Sheet?handler=DraftFindings"] = new("qs.officer", r => $"/Inspections/Scores/Sheet/{r.SelfInspection}"),
        ["POST /Inspections/Scores/Sheet?handler=Submit"] = new("qs.officer", r => $"/Inspections/Scores/Sheet/{r.SelfInspection}"),
        ["POST /Inspections/Scores/Sheet?handler=Review"] = new("qs.officer", r => $"/Inspections/Scores/Sheet/{r.SubmittedSelfInspection}", _ => [("Review.Opinion", "同意。")]),
        ["POST /Inspections/Templates/Index"] = new("qs.officer", _ => "/Inspections/Templates", BaselineRefused: "its only input is the template file, which UploadTests and ScoreTemplateTests send"),

        ["POST /Leaders/Create"] = new("qs.officer", r => $"/Leaders/Create?unitId={r.Unit}", r =>
            [("Input.Name", "郑新"), ("Input.StaffNumber", "QS-HOSTILE-1"), ("Input.Rank", "DepartmentBureau"), ("Input.UnitId", Id(r.Unit)), ("Input.AddFirstPosting", "true"),
             ("Input.FirstPosting.UnitId", Id(r.Unit)), ("Input.FirstPosting.Role", "OtherMember"), ("Input.FirstPosting.Title", "市委常委"), ("Input.FirstPosting.Portfolio", "宣传"), ("Input.FirstPosting.From", "2026-11-01")]),
        ["POST /Leaders/Edit"] = new("qs.officer", r => $"/Leaders/Edit/{r.Leader}"),
        ["POST /Leaders/Details?handler=Deactivate"] = new("qs.officer", r => $"/Leaders/Details/{r.Leader}"),
        ["POST /Leaders/Details?handler=Reactivate"] = new("qs.officer", r => $"/Leaders/Details/{r.InactiveLeader}"),

        ["POST /Notifications/Index?handler=Read"] = new("qs.officer", _ => "/Notifications", Lenient: new Dictionary<string, string>
        {
            ["show"] = "which notifications the list shows after the redirect; an unknown value shows all",
            ["pageNumber"] = "the page of the list to return to, clamped to the pages there are",
        }),
        ["POST /Notifications/Index?handler=ReadAll"] = new("qs.officer", _ => "/Notifications"),
        ["POST /Notifications/Preferences"] = new("qs.officer", _ => "/Notifications/Preferences"),

        ["POST /Postings/Create"] = new("qs.officer", r => $"/Postings/Create?leaderId={r.Leader}", r =>
            [("Input.UnitId", Id(r.Unit)), ("Input.Role", "OtherMember"), ("Input.Title", "市委常委"), ("Input.Portfolio", "宣传"), ("Input.From", "2026-11-01")]),
        ["POST /Postings/Edit"] = new("qs.officer", r => $"/Postings/Edit/{r.Posting}"),
        ["POST /Postings/Edit?handler=End"] = new("qs.officer", r => $"/Postings/Edit/{r.Posting}", _ => [("End.To", "2026-11-26")]),

        ["POST /Proposals/Create"] = new("qs.officer", r => $"/Proposals/Create?leaderId={r.Leader}", r =>
            [("Input.Kind", "Commendation"), ("Input.LeaderId", Id(r.Leader)), ("Input.Body", "SecrecyDepartment"), ("Input.BodyUnitId", Id(r.SecrecyBureau)), ("Input.Recipient", "中共青山市委组织部"),
             ("Input.Basis", "Inspection"), ("Input.BasisDescription", "例行检查"), ("Input.Content", "建议通报表扬。"), ("Input.SentOn", "2026-11-20"), ("Input.FeedbackDueOn", "2026-12-20")]),
        ["POST /Proposals/Commend"] = new("qs.officer", r => $"/Proposals/Commend?unitId={r.Unit}", r =>
            [("Input.UnitId", Id(r.Unit)), ("Input.Reason", "保密工作成绩突出"), ("Input.IssuedBy", "中共青山市委"), ("Input.IssuedOn", "2026-11-20")]),
        ["POST /Proposals/Details?handler=Feedback"] = new("qs.cadre", r => $"/Proposals/Details/{r.Proposal}", _ => [("Feedback.Feedback", "已给予警告处分。"), ("Feedback.FeedbackOn", "2026-11-26")]),

        ["POST /SecrecyOrganizations/Edit"] = new("qs.officer", r => $"/SecrecyOrganizations/Edit/{r.Unit}", Lenient: OrganizationRows),
        ["POST /SecrecyOrganizations/Edit?handler=AddMember"] = new("qs.officer", r => $"/SecrecyOrganizations/Edit/{r.Unit}", Redisplays: true, Lenient: OrganizationRows),
        ["POST /SecrecyOrganizations/Edit?handler=AddCadre"] = new("qs.officer", r => $"/SecrecyOrganizations/Edit/{r.Unit}", Redisplays: true, Lenient: OrganizationRows),
        ["POST /SecrecyOrganizations/RuleRegisterEdit"] = new("qs.officer", r => $"/SecrecyOrganizations/RuleRegisterEdit/{r.Unit}/R1", _ => [("Input.AdoptedOn", "2020-01-01")]),
        ["POST /SecrecyOrganizations/RuleRegisterNotApplicable"] = new("qs.officer", r => $"/SecrecyOrganizations/RuleRegisterNotApplicable/{r.Unit}/R8", _ => [("Input.Reason", "不承担科学技术研究任务。")]),
        ["POST /SecrecyOrganizations/RuleRegisterNotApplicable?handler=Withdraw"] = new("qs.officer", r => $"/SecrecyOrganizations/RuleRegisterNotApplicable/{r.ExemptUnit}/R8"),

        ["POST /Units/Create"] = new("qs.officer", r => $"/Units/Create?parentId={r.Unit}", _ =>
            [("Input.Code", "SF-QS-NEW"), ("Input.Name", "青山市新单位"), ("Input.Kind", "StateOrgan"), ("Input.Level", "County")]),
        ["POST /Units/Edit"] = new("qs.officer", r => $"/Units/Edit/{r.ChildUnit}"),
        ["POST /Units/Move"] = new("qs.officer", r => $"/Units/Move/{r.ChildUnit}", r => [("Input.NewParentId", Id(r.SecrecyBureau))]),
        ["POST /Units/Details?handler=Deactivate"] = new("qs.officer", r => $"/Units/Details/{r.ChildUnit}"),
        ["POST /Units/Details?handler=Reactivate"] = new("qs.officer", r => $"/Units/Details/{r.ClosedUnit}"),
    };

    /// <summary>The POST handlers the sweep leaves to other tests, and why.</summary>
    private static readonly Dictionary<string, string> NotSwept = new(StringComparer.Ordinal)
    {
        ["POST /Account/LoginWith2fa"] = "the second factor of a sign-in: a refused code counts towards the account's lockout on purpose; SignInHardeningTests posts it (the sweep signs in through it with a code)",
        ["POST /Account/LoginWith2fa?handler=Recovery"] = "the second factor of a sign-in with a recovery code: a refused code counts towards the account's lockout on purpose; SignInHardeningTests posts it",
        ["POST /Account/Logout"] = "no input but the antiforgery token; SessionTests",
        ["POST /Error"] = "answers the exception handler's re-executed request; no form posts to it (ServerErrorTests)",
        ["POST /StatusCode"] = "answers the status-code pages' re-executed request; no form posts to it (ServerErrorTests)",
    };

    [Fact]
    public async Task Every_post_handler_refuses_hostile_input_with_a_message_and_an_unchanged_database_or_stores_it_as_typed()
    {
        var clock = Stopwatch.StartNew();
        using var app = TestApp.Rent("Development");
        var records = await PrepareAsync(app);
        await using var sweep = await HostileInputSweep.StartAsync(app);
        var handlers = await sweep.PostHandlersAsync();
        var problems = new List<string>();
        var log = new List<string>();
        var unreached = handlers.Where(h => !Reaches.ContainsKey(h.Key) && !NotSwept.ContainsKey(h.Key)).Select(h => $"{h.Key}: not reached by the sweep").ToList();
        problems.AddRange(unreached);
        problems.AddRange(Reaches.Keys.Concat(NotSwept.Keys).Except(handlers.Select(h => h.Key)).Select(k => $"{k}: in the table, not a POST handler of the app"));
        log.Add($"prepared in {clock.Elapsed.TotalSeconds:0.0} s");
        await sweep.SaveAsync();
        var clients = new Dictionary<string, Session>(StringComparer.Ordinal);

        foreach (var handler in handlers.Where(h => Reaches.ContainsKey(h.Key)))
        {
            var reach = Reaches[handler.Key];
            if (!clients.TryGetValue(reach.User, out var session))
            {
                clients[reach.User] = session = await Session.StartAsync(app, records, reach.User);
            }

            var foreign = records.ForeignFor(reach.User);
            var run = new HandlerRun(sweep, handler, reach, session, records, foreign, problems, log);
            await run.SweepAsync();
        }

        log.Add($"{sweep.Requests} requests ({sweep.RequestTime.Elapsed.TotalSeconds:0.0} s), {sweep.Restores} restores ({sweep.RestoreTime.Elapsed.TotalSeconds:0.0} s), rows read in {sweep.RowsTime.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalSeconds:0.0} s");
        if (Environment.GetEnvironmentVariable("SECRECYDUTY_HOSTILE_LOG") is { Length: > 0 } path)
        {
            await File.WriteAllLinesAsync(path, log.Concat(["", "PROBLEMS"]).Concat(problems));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>How a handler is reached; <paramref name="BaselineRefused"/> says why its form, as filled, is refused (the variants then prove no more than that).</summary>
    /// <param name="User">The account, one allowed to use the handler.</param>
    /// <param name="Page">The page whose form posts to the handler.</param>
    /// <param name="Fill">The values that make the form valid, over those the page shows.</param>
    /// <param name="Redisplays">The handler only shows the form again (a refresh), never saves.</param>
    /// <param name="BaselineRefused">Why the form as filled is refused: the variants then prove that nothing else happens.</param>
    /// <param name="ShowsResult">The handler saves and shows its result on the page (recovery codes) instead of redirecting.</param>
    /// <param name="Lenient">Fields whose values the app may accept or ignore, and why; never a server error, never another record touched.</param>
    /// <param name="MessageAbove">Why the page says a refusal above the form rather than beside the field.</param>
    internal sealed record Reach(
        string User,
        Func<Records, string> Page,
        Func<Records, IEnumerable<(string Field, string Value)>>? Fill = null,
        bool Redisplays = false,
        string? BaselineRefused = null,
        bool ShowsResult = false,
        IReadOnlyDictionary<string, string>? Lenient = null,
        string? MessageAbove = null);

    /// <summary>A browser signed in as one account (with a code from its authenticator app when it has two-factor sign-in on).</summary>
    internal sealed class Session
    {
        private readonly TestApp _app;
        private readonly Records _records;

        private Session(TestApp app, Records records, string userName, string password)
        {
            _app = app;
            _records = records;
            Client = app.CreateBrowserClient();
            UserName = userName;
            Password = password;
        }

        public HttpClient Client { get; }

        public string UserName { get; }

        public string Password { get; }

        public static async Task<Session> StartAsync(TestApp app, Records records, string userName)
        {
            var password = userName.StartsWith("qs.", StringComparison.Ordinal) && userName != "qs.officer" ? TestApp.Password : DemoProvinceSeeder.DemoPassword;
            var session = new Session(app, records, userName, password);
            if (userName != Anonymous)
            {
                await session.SignInAsync();
            }

            return session;
        }

        /// <summary>Signs in, again after the database was put back under a session whose stamp a handler had changed.</summary>
        public async Task SignInAsync()
        {
            var response = await TestApp.SignInAsync(Client, UserName, Password);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (location.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal))
            {
                // A code of a time step not used yet: each is accepted once.
                _app.Clock.Advance(TimeSpan.FromSeconds(30));
                var form = await TestApp.GetFormAsync(Client, location, "#two-factor-form");
                response = await Client.PostAsync(location, form.With(("Code", _records.CodeFor(UserName))).ToContent());
                location = response.Headers.Location?.OriginalString ?? "";
            }

            Assert.True(response.StatusCode == HttpStatusCode.Redirect && !location.Contains("/Account/", StringComparison.Ordinal), $"{UserName} does not sign in: {(int)response.StatusCode} {location}");
        }
    }

    /// <summary>The records the sweep posts to, inside the account's jurisdiction or, forged, outside it.</summary>
    internal sealed class Records
    {
        public int Unit { get; init; }

        public int ChildUnit { get; init; }

        public int ClosedUnit { get; init; }

        public int ExemptUnit { get; init; }

        public int SecrecyBureau { get; init; }

        public int Leader { get; init; }

        public int InactiveLeader { get; init; }

        public int OwnLeader { get; init; }

        public int Posting { get; init; }

        public int OwnPosting { get; init; }

        public int PostingWithoutChecklist { get; init; }

        public int SubmittedChecklistPosting { get; init; }

        public int Activity { get; init; }

        public int Training { get; init; }

        public int EvidenceFile { get; init; }

        public int Inspection { get; init; }

        public int InspectedPosting { get; init; }

        public int PlannedInspection { get; init; }

        public int SelfInspection { get; init; }

        public int SubmittedSelfInspection { get; init; }

        public int FindingWithoutOrder { get; init; }

        public int Order { get; init; }

        public int ReportedOrder { get; init; }

        public int Incident { get; init; }

        public int IncidentUnderReview { get; init; }

        public int IncidentPerson { get; init; }

        public int Proposal { get; init; }

        public string Account { get; init; } = "";

        public string DeactivatedAccount { get; init; } = "";

        public long Notification { get; init; }

        public string ImportRun { get; init; } = "";

        public int ChecklistItem { get; init; }

        public int Member { get; init; }

        public int Cadre { get; init; }

        /// <summary>The authenticator keys of the accounts with two-factor sign-in on or being enrolled.</summary>
        public Dictionary<string, string> AuthenticatorKeys { get; init; } = [];

        public TimeProvider? Clock { get; init; }

        /// <summary>The code the account's authenticator app shows now.</summary>
        public string CodeFor(string userName) =>
            Totp.Code(Totp.FromBase32(AuthenticatorKeys[userName]), Totp.StepAt(Clock!.GetUtcNow()));

        /// <summary>Records outside Qingshan (outside the education department, for its leader), as forged ids.</summary>
        public Records? Foreign { get; init; }

        public Records? ForeignOfLeader { get; init; }

        public Records ForeignFor(string userName) => (userName == "leader" ? ForeignOfLeader : Foreign)!;

        /// <summary>The forged id of a record type, as posted.</summary>
        public string? IdOf(RecordType type) => type switch
        {
            RecordType.Unit => Id(Unit),
            RecordType.Leader => Id(Leader),
            RecordType.Posting => Id(Posting),
            RecordType.Activity => Id(Activity),
            RecordType.EvidenceFile => Id(EvidenceFile),
            RecordType.Inspection => Id(Inspection),
            RecordType.Finding => Id(FindingWithoutOrder),
            RecordType.Order => Id(Order),
            RecordType.Incident => Id(Incident),
            RecordType.IncidentPerson => Id(IncidentPerson),
            RecordType.Proposal => Id(Proposal),
            RecordType.Account => Account,
            RecordType.ChecklistItem => Id(ChecklistItem),
            RecordType.Notification => Notification.ToString(CultureInfo.InvariantCulture),
            RecordType.ImportRun => ImportRun,
            RecordType.Member => Id(Member),
            RecordType.Cadre => Id(Cadre),
            _ => null,
        };

        /// <summary>The same record type everywhere a page names one: the forged version of this set of records.</summary>
        public static Records Forged(Records f) => new()
        {
            Unit = f.Unit,
            ChildUnit = f.Unit,
            ClosedUnit = f.Unit,
            ExemptUnit = f.Unit,
            SecrecyBureau = f.Unit,
            Leader = f.Leader,
            InactiveLeader = f.Leader,
            OwnLeader = f.Leader,
            Posting = f.Posting,
            OwnPosting = f.Posting,
            PostingWithoutChecklist = f.Posting,
            SubmittedChecklistPosting = f.Posting,
            InspectedPosting = f.Posting,
            Activity = f.Activity,
            Training = f.Activity,
            EvidenceFile = f.EvidenceFile,
            Inspection = f.Inspection,
            PlannedInspection = f.Inspection,
            SelfInspection = f.Inspection,
            SubmittedSelfInspection = f.Inspection,
            FindingWithoutOrder = f.FindingWithoutOrder,
            Order = f.Order,
            ReportedOrder = f.Order,
            Incident = f.Incident,
            IncidentUnderReview = f.Incident,
            IncidentPerson = f.IncidentPerson,
            Proposal = f.Proposal,
            Account = f.Account,
            DeactivatedAccount = f.Account,
            Notification = f.Notification,
            ChecklistItem = f.ChecklistItem,
            Member = f.Member,
            Cadre = f.Cadre,
        };
    }

    /// <summary>
    /// The accounts of Qingshan the sweep signs in as, and the records in the states the forms need (a planned inspection,
    /// a self-inspection being scored and one submitted, a reported order, an incident under investigation, a notification,
    /// an evidence file), all in Qingshan; and the records outside it.
    /// </summary>
    private static async Task<Records> PrepareAsync(TestApp app)
    {
        var qingshan = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == Qingshan).Select(u => u.Id).SingleAsync());
        await app.Province()
            .WithAccount("qs.admin", Roles.Administrator, qingshan)
            .WithAccount("qs.discipline", Roles.DisciplineOfficial, qingshan)
            .WithAccount("qs.supervisor", Roles.Supervisor, qingshan)
            .WithAccount("qs.cadre", Roles.CadreOfficial, qingshan)
            .WithAccount("qs.target", Roles.SecrecyOfficer, qingshan)
            .WithAccount("qs.gone", Roles.Supervisor, qingshan)
            .WithAccount("qs.twofactor", Roles.Supervisor, qingshan)
            .BuildAsync();
        var now = TestHost.DefaultNow.UtcDateTime;
        var today = DateOnly.FromDateTime(TestHost.DefaultNow.DateTime);
        var officerUnit = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == "SF").Select(u => u.Id).SingleAsync());
        var qsOfficer = new FixedCurrentUser(await UserIdAsync(app, "qs.officer"), qingshan, Roles.SecrecyOfficer);
        var officer = new FixedCurrentUser(await UserIdAsync(app, "officer"), officerUnit, Roles.SecrecyOfficer);

        return await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            int UnitOf(string code) => db.Units.Where(u => u.Code == code).Select(u => u.Id).Single();
            var inside = await db.UnitAncestries.Where(a => a.AncestorId == qingshan).Select(a => a.DescendantId).ToListAsync();
            var child = UnitOf("SF-QS-JYJ");
            var institute = UnitOf("SF-QS-YQS");
            var bureau = UnitOf("SF-QS-BMJ");
            var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);

            // Accounts acted upon: one locked out with two-factor sign-in on, one deactivated; an enrolment under way, and two-factor sign-in on.
            await db.Users.Where(u => u.UserName == "qs.target").ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, TestHost.DefaultNow.AddMinutes(10)).SetProperty(x => x.TwoFactorEnabled, true));
            await db.Users.Where(u => u.UserName == "qs.gone").ExecuteUpdateAsync(u => u.SetProperty(x => x.DeactivatedAtUtc, now.AddDays(-1)));
            var accounts = sp.GetRequiredService<UserManager<AppUser>>();
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (userName, enabled) in new[] { ("qs.cadre", false), ("qs.twofactor", true) })
            {
                var account = (await accounts.FindByNameAsync(userName))!;
                await accounts.ResetAuthenticatorKeyAsync(account);
                await accounts.SetTwoFactorEnabledAsync(account, enabled);
                keys[userName] = (await accounts.GetAuthenticatorKeyAsync(account))!;
            }

            // A leader whose posting ended, deactivated.
            var inactiveLeader = await db.Postings.Where(p => p.UnitId == qingshan && p.To != null).OrderBy(p => p.Id).Select(p => p.LeaderId).FirstAsync();
            await db.Leaders.Where(l => l.Id == inactiveLeader).ExecuteUpdateAsync(u => u.SetProperty(l => l.IsActive, false));
            var posting = await db.Postings.Where(p => p.UnitId == qingshan && p.To == null && p.LeaderId != inactiveLeader).OrderBy(p => p.Id).Select(p => new { p.Id, p.LeaderId }).FirstAsync();

            // The institute's inspection is in progress: a second finding, without an order, to link, order and remove.
            var inspection = await db.Inspections.Where(i => i.UnitId == institute && i.Status == InspectionStatus.InProgress).Select(i => i.Id).SingleAsync();
            var linkedFinding = await db.Findings.Where(f => f.InspectionId == inspection).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
            var inspectedPosting = await db.Postings.Where(p => p.UnitId == institute && p.To == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var loose = new Finding { InspectionId = inspection, UnitId = institute, DeficiencyCode = "D15.2", Description = "未开展保密教育培训。", Severity = FindingSeverity.Minor };
            loose.ResponsiblePostings.Add(new FindingPosting { PostingId = inspectedPosting });
            db.Findings.Add(loose);

            // A planned inspection of the education bureau; two self-inspections (自查自评) of it, one being scored and one submitted.
            Inspection Inspection(InspectingBody body, int bodyUnit, InspectionStatus status) => new()
            {
                UnitId = child,
                Body = body,
                BodyUnitId = bodyUnit,
                Kind = InspectionKind.Routine,
                Status = status,
                PlannedOn = status == InspectionStatus.Planned ? today.AddDays(10) : today.AddDays(-10),
                StartedOn = status == InspectionStatus.Planned ? null : today.AddDays(-9),
                Scope = "保密工作责任制落实情况",
                CreatedAtUtc = now,
                CreatedBy = "qs.officer",
                Inspectors = [new InspectionInspector { UserId = users["qs.officer"] }],
            };
            var planned = Inspection(InspectingBody.SecrecyDepartment, bureau, InspectionStatus.Planned);
            var self = Inspection(InspectingBody.OwnSecrecyOrganization, child, InspectionStatus.InProgress);
            var submitted = Inspection(InspectingBody.OwnSecrecyOrganization, child, InspectionStatus.InProgress);
            db.Inspections.AddRange(planned, self, submitted);

            // The energy group's verified order, reported again and awaiting verification.
            var reportedOrder = await db.RectificationOrders.Where(o => inside.Contains(o.UnitId) && o.Status == RectificationStatus.Verified).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            await db.RectificationOrders.Where(o => o.Id == reportedOrder).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, RectificationStatus.Reported).SetProperty(o => o.VerifiedOn, (DateOnly?)null));
            var order = await db.RectificationOrders.Where(o => inside.Contains(o.UnitId) && o.Status == RectificationStatus.Open).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();

            // The institute's decided incident back under discipline review; a new one under investigation with a person, a linked finding and two named accounts.
            var underReview = await db.Incidents.Where(i => inside.Contains(i.UnitId)).Select(i => i.Id).SingleAsync();
            await db.Incidents.Where(i => i.Id == underReview).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IncidentStatus.UnderDisciplineReview));
            await db.SanctionDecisions.Where(d => d.IncidentId == underReview).ExecuteDeleteAsync();
            var reviewedPerson = await db.IncidentPersons.Where(p => p.IncidentId == underReview).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var incident = new Incident
            {
                UnitId = institute,
                Title = "研究所涉密载体遗失事件",
                OccurredOn = today.AddDays(-5),
                DiscoveredAtUtc = now.AddDays(-4),
                Classification = Classification.Secret,
                LeakType = LeakType.BeyondScopeNotProvable,
                Carrier = SecretCarrier.Paper,
                Description = "一份涉密文件遗失，正在查找。",
                Status = IncidentStatus.UnderInvestigation,
                Severity = CircumstanceSeverity.Ordinary,
                CreatedAtUtc = now.AddDays(-4),
                CreatedBy = "qs.officer",
            };
            incident.Grants.Add(new IncidentGrant { UserId = users["qs.officer"] });
            incident.Grants.Add(new IncidentGrant { UserId = users["qs.discipline"] });
            incident.Persons.Add(new IncidentPerson { UnitId = institute, PostingId = inspectedPosting, Involvement = Involvement.LeadershipFailure, IsPartyMember = true });
            incident.LinkedFindings.Add(new IncidentFinding { FindingId = linkedFinding });
            db.Incidents.Add(incident);

            // A notification of qs.officer's and one of the province officer's.
            Notification Note(string user) => new()
            {
                UserId = users[user],
                Kind = NotificationKind.OrderDueSoon,
                RecordType = NotificationRecord.RectificationOrder,
                RecordId = order,
                UnitId = institute,
                Subject = "整改期限将至",
                DueOn = today.AddDays(7),
                CreatedAtUtc = now,
            };
            var note = Note("qs.officer");
            var foreignNote = Note("officer");
            db.Notifications.AddRange(note, foreignNote);
            await db.SaveChangesAsync();

            // Score sheets through the service, as the officer would start them; the second one submitted.
            var template = await db.ScoreTemplates.Where(t => t.IsCurrent).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            foreach (var started in new[] { self.Id, submitted.Id })
            {
                var result = await TestApp.ServiceFor<ScoreSheetService>(sp, qsOfficer).StartAsync(started, template);
                Assert.True(result?.Succeeded, $"score sheet of inspection {started} not started");
            }

            var item = await db.ScoreTemplateItems.Where(i => i.ScoreTemplateId == template).OrderBy(i => i.Id).Select(i => i.Code).FirstAsync();
            var scored = await TestApp.ServiceFor<ScoreSheetService>(sp, qsOfficer).SaveAsync(self.Id, Versions.First, new ScoreSheetInput { Entries = [new ScoreEntryInput { ItemCode = item, Defects = 1 }] });
            Assert.True(scored?.Succeeded, "score sheet not scored");
            await db.ScoreSheets.Where(s => s.InspectionId == submitted.Id).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ScoredAtUtc, now.AddDays(-2)).SetProperty(s => s.SubmittedAtUtc, now.AddDays(-1)).SetProperty(s => s.SubmittedBy, "qs.officer"));

            // Evidence of an activity in Qingshan and of one outside it.
            var activity = await db.Activities.Where(a => a.UnitId == qingshan).OrderByDescending(a => a.Date).Select(a => a.Id).FirstAsync();
            var outsideActivity = await db.Activities.Where(a => !inside.Contains(a.UnitId)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            Assert.True((await TestApp.ServiceFor<ActivityEvidenceService>(sp, qsOfficer).AddAsync(activity, [ActivityTestData.Upload("会议纪要.pdf", TestFiles.Pdf())]))?.Succeeded);
            Assert.True((await TestApp.ServiceFor<ActivityEvidenceService>(sp, officer).AddAsync(outsideActivity, [ActivityTestData.Upload("会议纪要.pdf", TestFiles.Pdf())]))?.Succeeded);
            var evidence = await db.EvidenceFiles.Where(e => e.ActivityId == activity).Select(e => e.Id).SingleAsync();
            var outsideEvidence = await db.EvidenceFiles.Where(e => e.ActivityId == outsideActivity).Select(e => e.Id).SingleAsync();

            // A dry run of qs.officer's, finished without a problem and ready to import, and one of the province officer's.
            async Task<string> DryRunAsync(string owner, ICurrentUser actor)
            {
                var run = new Core.Import.ImportRun
                {
                    Id = Guid.NewGuid(),
                    OwnerId = users[owner],
                    FileName = "导入.csv",
                    CsvSheet = Core.Import.ImportSheet.Units,
                    DryRun = true,
                    Content = [0x41],
                    Culture = "zh-CN",
                    State = Core.Import.ImportRunState.Running,
                    CreatedAtUtc = now,
                };
                db.ImportRuns.Add(run);
                await db.SaveChangesAsync();
                await TestApp.ServiceFor<Core.Import.ImportRunService>(sp, actor).FinishAsync(run.Id, new Core.Import.ImportReport("导入.csv", DryRun: true, Written: false, new Core.Import.ImportCounts(1, 0, 0), []));
                return run.Id.ToString();
            }

            var importRun = await DryRunAsync("qs.officer", qsOfficer);
            var foreignImportRun = await DryRunAsync("officer", officer);

            // The opinion of the secrecy organization on the leader's appraisal, which the grade needs to be final (art. 9).
            db.Appraisals.Add(new Core.Appraisals.Appraisal { LeaderId = posting.LeaderId, UnitId = qingshan, Year = 2026, OrganizationOpinion = "履职情况良好。" });
            await db.SaveChangesAsync();

            // The demo leader's own checklist, worked through so that it can be submitted.
            var leaderAccount = await db.Users.Where(u => u.UserName == "leader").Select(u => new { u.LeaderId, u.UnitId }).SingleAsync();
            var ownPosting = await db.Postings.Where(p => p.LeaderId == leaderAccount.LeaderId && p.To == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            await db.DutyChecklistItems.Where(i => db.DutyChecklists.Any(c => c.Id == i.ChecklistId && c.PostingId == ownPosting && c.Year == 2026))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, Core.Checklists.ChecklistItemStatus.Fulfilled).SetProperty(i => i.SelfAssessment, "已按要求落实"));
            var withoutChecklist = await db.Postings.Where(p => p.UnitId == qingshan && p.To == null && !db.DutyChecklists.Any(c => c.PostingId == p.Id && c.Year == 2026)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var submittedChecklist = await db.DutyChecklists.Where(c => inside.Contains(c.UnitId) && c.Year == 2026 && c.Status == Core.Checklists.ChecklistStatus.Submitted).OrderBy(c => c.Id).Select(c => c.PostingId).FirstAsync();
            var organization = await db.SecrecyOrganizations.Where(o => o.UnitId == qingshan).Select(o => o.Id).SingleAsync();
            var exempt = await db.RuleAreaExemptions.Where(e => inside.Contains(e.UnitId)).OrderBy(e => e.Id).Select(e => e.UnitId).FirstAsync();
            var proposal = await db.Proposals.Where(p => inside.Contains(p.UnitId) && p.Feedback == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();

            return new Records
            {
                Unit = qingshan,
                ChildUnit = child,
                ClosedUnit = await db.Units.Where(u => inside.Contains(u.Id) && !u.IsActive).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
                ExemptUnit = exempt,
                SecrecyBureau = bureau,
                Leader = posting.LeaderId,
                InactiveLeader = inactiveLeader,
                OwnLeader = leaderAccount.LeaderId!.Value,
                Posting = posting.Id,
                OwnPosting = ownPosting,
                PostingWithoutChecklist = withoutChecklist,
                SubmittedChecklistPosting = submittedChecklist,
                Activity = activity,
                EvidenceFile = evidence,
                Training = await db.Activities.Where(a => a.UnitId == qingshan && a.Kind == Core.Activities.ActivityKind.Training).OrderByDescending(a => a.Date).Select(a => a.Id).FirstAsync(),
                AuthenticatorKeys = keys,
                Clock = app.Clock,
                Inspection = inspection,
                InspectedPosting = inspectedPosting,
                PlannedInspection = planned.Id,
                SelfInspection = self.Id,
                SubmittedSelfInspection = submitted.Id,
                FindingWithoutOrder = loose.Id,
                Order = order,
                ReportedOrder = reportedOrder,
                Incident = incident.Id,
                IncidentUnderReview = underReview,
                IncidentPerson = reviewedPerson,
                Proposal = proposal,
                Account = users["qs.target"],
                DeactivatedAccount = users["qs.gone"],
                Notification = note.Id,
                ImportRun = importRun,
                ChecklistItem = await db.DutyChecklistItems.Where(i => db.DutyChecklists.Any(c => c.Id == i.ChecklistId && c.UnitId == qingshan)).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
                Member = await db.SecrecyOrganizationMembers.Where(m => m.SecrecyOrganizationId == organization).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                Cadre = await db.SecrecyCadres.Where(c => c.SecrecyOrganizationId == organization).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                Foreign = Records.Forged(await OutsideAsync(db, inside, users["officer"], foreignNote.Id, outsideEvidence, foreignImportRun)),
                ForeignOfLeader = Records.Forged(await OutsideAsync(db, await db.UnitAncestries.Where(a => a.AncestorId == leaderAccount.UnitId).Select(a => a.DescendantId).ToListAsync(), users["officer"], foreignNote.Id, outsideEvidence, foreignImportRun)),
            };
        });
    }

    /// <summary>One record of each type outside <paramref name="inside"/>.</summary>
    private static async Task<Records> OutsideAsync(AppDbContext db, List<int> inside, string account, long notification, int evidence, string importRun)
    {
        var incident = await db.Incidents.Where(i => !inside.Contains(i.UnitId) && db.IncidentPersons.Any(p => p.IncidentId == i.Id)).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        return new Records
        {
            Unit = await db.Units.Where(u => !inside.Contains(u.Id) && u.ParentId != null).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
            Leader = await db.Leaders.Where(l => !inside.Contains(l.UnitId)).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(),
            Posting = await db.Postings.Where(p => !inside.Contains(p.UnitId) && p.To == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            Activity = await db.Activities.Where(a => !inside.Contains(a.UnitId)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            EvidenceFile = evidence,
            Inspection = await db.Inspections.Where(i => !inside.Contains(i.UnitId)).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
            FindingWithoutOrder = await db.Findings.Where(f => !inside.Contains(f.UnitId)).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync(),
            Order = await db.RectificationOrders.Where(o => !inside.Contains(o.UnitId)).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(),
            Incident = incident,
            IncidentPerson = await db.IncidentPersons.Where(p => p.IncidentId == incident).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            Proposal = await db.Proposals.Where(p => !inside.Contains(p.UnitId)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            Account = account,
            Notification = notification,
            ImportRun = importRun,
            ChecklistItem = await db.DutyChecklistItems.Where(i => db.DutyChecklists.Any(c => c.Id == i.ChecklistId && !inside.Contains(c.UnitId))).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
            Member = await db.SecrecyOrganizationMembers.Where(m => db.SecrecyOrganizations.Any(o => o.Id == m.SecrecyOrganizationId && !inside.Contains(o.UnitId))).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            Cadre = await db.SecrecyCadres.Where(c => db.SecrecyOrganizations.Any(o => o.Id == c.SecrecyOrganizationId && !inside.Contains(o.UnitId))).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
        };
    }

    private static Task<string> UserIdAsync(TestApp app, string userName) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>One handler's sweep: its form as filled, then each field's variants, the forged route and the missing token.</summary>
    private sealed partial class HandlerRun(
        HostileInputSweep sweep,
        PostHandler handler,
        Reach reach,
        Session session,
        Records own,
        Records foreign,
        List<string> problems,
        List<string> log)
    {
        private const string Token = "__RequestVerificationToken";

        /// <summary>The record type each id field names, by the field's last segment.</summary>
        private static readonly (Regex Field, RecordType Type)[] IdFields =
        [
            (new Regex(@"^(UnitId|ParentId|NewParentId|BodyUnitId)$"), RecordType.Unit),
            (new Regex(@"^(LeaderId|ChairLeaderId)$"), RecordType.Leader),
            (new Regex(@"^(PostingId|PostingIds|RelatedPostingId)$"), RecordType.Posting),
            (new Regex(@"^findingId$", RegexOptions.IgnoreCase), RecordType.Finding),
            (new Regex(@"^ItemId$"), RecordType.ChecklistItem),
            (new Regex(@"^(InspectorIds|userId|UserId)$"), RecordType.Account),
            (new Regex(@"^personId$"), RecordType.IncidentPerson),
            (new Regex(@"^fileId$"), RecordType.EvidenceFile),
            (new Regex(@"^IncidentId$"), RecordType.Incident),
        ];

        /// <summary>Ids of records that belong to no jurisdiction (the province's score templates): nothing to forge.</summary>
        private static readonly HashSet<string> Global = new(StringComparer.Ordinal) { "TemplateId" };

        /// <summary>Handlers whose next page is itself the answer, so that a message would only repeat it.</summary>
        private static readonly Dictionary<string, string> AnswersWithoutMessage = new(StringComparer.Ordinal)
        {
            ["POST /Account/TwoFactor?handler=Start"] = "the next page is the enrolment's next step, the code to scan",
            ["POST /Culture"] = "the page comes back in the language chosen",
            ["POST /Notifications/Index?handler=Read"] = "the notification is shown as read where it was",
        };

        private string _page = "";
        private string _action = "";
        private List<KeyValuePair<string, string>> _fields = [];
        private Dictionary<string, List<string>> _saved = [];

        public async Task SweepAsync()
        {
            _page = reach.Page(own);
            var document = await GetAsync(_page);
            if (document is null)
            {
                return;
            }

            if (HostileInputSweep.FindForm(document, _page, handler) is not { } found)
            {
                Problem($"no form on {_page} posts to it");
                return;
            }

            _action = found.Action;
            _fields = HostileInputSweep.Values(found.Form);
            foreach (var (name, value) in reach.Fill?.Invoke(own) ?? [])
            {
                Set(_fields, name, value);
            }

            if (!await BaselineAsync())
            {
                return;
            }

            var swept = new HashSet<string>(StringComparer.Ordinal);
            var targets = new List<(string Name, bool InQuery, List<Variant> Variants)>();
            var fields = HostileInputSweep.Names(found.Form)
                .Select(f => (f.Name, InQuery: false, InputType: (f.Element as IHtmlInputElement)?.Type ?? ""))
                .Concat(HostileInputSweep.Query(_action).Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase)).Select(q => (Name: q.Key, InQuery: true, InputType: "")));
            foreach (var (name, inQuery, inputType) in fields)
            {
                // Rows of a list share their validator: the first row of each list stands for the others.
                if (name == Token || !swept.Add(Index().Replace(name, "[]")))
                {
                    continue;
                }

                var type = HostileInputSweep.BoundType(handler, name);
                var kind = HostileInputSweep.KindOf(type, name, inputType);
                if (kind is FieldKind.Unbound or FieldKind.File)
                {
                    log.Add($"{handler.Key} {name}: {kind}, not swept");
                    continue;
                }

                string? forged = null;
                var last = HostileInputSweep.LastSegment(name);
                if (kind is FieldKind.Id or FieldKind.IdList && !Global.Contains(last))
                {
                    RecordType? record = name.EndsWith("].Id", StringComparison.Ordinal) ? (name.Contains("Cadres", StringComparison.Ordinal) ? RecordType.Cadre : RecordType.Member)
                        : handler.Page.StartsWith("/Notifications", StringComparison.Ordinal) && last == "id" ? RecordType.Notification
                        : handler.Page.StartsWith("/Import", StringComparison.Ordinal) && last == "id" ? RecordType.ImportRun
                        : IdFields.Where(f => f.Field.IsMatch(last)).Select(f => (RecordType?)f.Type).FirstOrDefault();
                    if (record is null)
                    {
                        Problem($"{name}: an id field nobody mapped to a record type");
                        continue;
                    }

                    forged = foreign.IdOf(record.Value);
                }

                targets.Add((name, inQuery, HostileInputSweep.VariantsFor(kind, type, forged, inputType)));
            }

            if (reach.Redisplays)
            {
                // A form that is only shown again saves nothing and says nothing: each kind of hostile value goes into every field at once.
                foreach (var group in targets.Where(t => !t.InQuery).SelectMany(t => t.Variants.Select(v => (t.Name, Variant: v))).GroupBy(t => t.Variant.Name))
                {
                    await GroupAsync(group.Key, [.. group]);
                }
            }
            else
            {
                foreach (var (name, inQuery, variants) in targets)
                {
                    foreach (var variant in variants)
                    {
                        await VariantAsync(name, inQuery, variant);
                    }
                }
            }

            await ForgedRouteAsync();
            await WithoutTokenAsync();
        }

        /// <summary>The form as filled: saved (a redirect), or shown again for a handler that only redisplays or one refused on purpose.</summary>
        private async Task<bool> BaselineAsync()
        {
            var answer = await PostAsync(_action, HostileInputSweep.Body(_fields));
            var after = sweep.Committed() ? await sweep.RowsAsync() : null;
            var changed = after is null ? [] : HostileInputSweep.Changed(sweep.Baseline, after);
            var messages = answer.Page is null ? [] : Messages(answer.Page, "");
            if (answer.Status >= 500)
            {
                Problem($"the form as filled: {answer.Status}");
                RestoreIf(changed.Count > 0);
                return false;
            }

            if (reach.Redisplays || reach.BaselineRefused is not null)
            {
                log.Add($"{handler.Key}: the form as filled answers {answer.Status}: {string.Join(" | ", messages)}");
                if (answer.Status != 200 || changed.Count > 0 || (reach.BaselineRefused is not null && messages.Count == 0))
                {
                    Problem($"the form as filled: {answer.Status}, changed {string.Join(", ", changed)}, messages: {string.Join(" | ", messages)}");
                    RestoreIf(changed.Count > 0);
                    return false;
                }

                return true;
            }

            var saved = (answer.Status == 302 && !answer.SentAway) || (reach.ShowsResult && answer.Status == 200 && changed.Count > 0 && messages.Count == 0);
            if (!saved)
            {
                Problem($"the form as filled is not saved: {answer.Status} {answer.Location} {string.Join(" | ", messages)}");
                RestoreIf(changed.Count > 0);
                return false;
            }

            _saved = after is null ? [] : sweep.Delta(sweep.Baseline, after);
            log.Add($"{handler.Key}: the form as filled is saved ({string.Join(", ", changed)})");

            // Issue 11: a save is followed by a page that says it was saved (post/redirect/get with a status message), or,
            // for an import, how far the queued job is.
            if (answer.Status == 302 && !answer.SentAway && !AnswersWithoutMessage.ContainsKey(handler.Key)
                && await GetAsync(answer.Location!) is { } next && next.QuerySelector("[role=status]") is null)
            {
                Problem($"the form as filled is saved, but {answer.Location} says nothing about it");
            }

            RestoreIf(changed.Count > 0 || sweep.Committed());
            return true;
        }

        private async Task VariantAsync(string name, bool inQuery, Variant variant)
        {
            var what = $"{name} {variant.Name}";
            var answer = inQuery
                ? await PostAsync(WithQuery(_action, name, variant.Value), HostileInputSweep.Body(_fields))
                : await PostAsync(_action, HostileInputSweep.Body(_fields, name, variant.Value is null ? null : [variant.Value]));
            var after = sweep.Committed() ? await sweep.RowsAsync() : null;
            var changed = after is null ? [] : HostileInputSweep.Changed(sweep.Baseline, after);
            log.Add($"{handler.Key} {what}: {answer.Status}{(changed.Count > 0 ? " changed " + string.Join(", ", changed) : "")}");
            try
            {
                Judge(name, inQuery, variant, what, answer, after, changed);
                if (answer.Status == 302 && !answer.SentAway && after is not null && !HostileInputSweep.SameDelta(sweep.Delta(sweep.Baseline, after), _saved))
                {
                    await ShownAsync(what, variant.IsMarkup && !inQuery ? variant.Value : null, answer.Location!);
                }
            }
            finally
            {
                RestoreIf(changed.Count > 0);
            }
        }

        /// <summary>One kind of hostile value in every field of a form that is only shown again: never a server error, nothing saved.</summary>
        private async Task GroupAsync(string variant, List<(string Name, Variant Variant)> fields)
        {
            var posted = _fields.Where(f => !fields.Any(g => g.Name == f.Key)).ToList();
            posted.AddRange(fields.Where(f => f.Variant.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Variant.Value!)));
            var answer = await PostAsync(_action, new FormUrlEncodedContent(posted));
            var changed = sweep.Committed() ? HostileInputSweep.Changed(sweep.Baseline, await sweep.RowsAsync()) : [];
            log.Add($"{handler.Key} every field {variant}: {answer.Status}{(changed.Count > 0 ? " changed " + string.Join(", ", changed) : "")}");
            if (answer.Status != 200 || changed.Count > 0)
            {
                Problem($"every field {variant}: {answer.Status} {answer.Location}, changed {string.Join(", ", changed)}");
            }

            RestoreIf(changed.Count > 0);
        }

        private void Judge(string name, bool inQuery, Variant variant, string what, Answer answer, Dictionary<string, List<string>>? after, List<string> changed)
        {
            if (answer.Status >= 500)
            {
                Problem($"{what}: {answer.Status}");
                return;
            }

            // A field the app may accept or ignore whatever it holds: still never another record touched.
            var lenient = reach.Lenient?.ContainsKey(name) == true;
            if (lenient && variant.IsForged && after is not null
                && changed.Any(t => sweep.Baseline[t].Any(r => r.StartsWith(variant.Value + "\u001f", StringComparison.OrdinalIgnoreCase) && !after[t].Contains(r, StringComparer.Ordinal))))
            {
                Problem($"{what}: the record {variant.Value} outside the jurisdiction was changed");
            }

            var delta = after is null ? [] : sweep.Delta(sweep.Baseline, after);
            var saved = (answer.Status == 302 && !answer.SentAway) || (reach.ShowsResult && answer.Status == 200 && delta.Count > 0);
            if (saved)
            {
                if (HostileInputSweep.SameDelta(delta, _saved))
                {
                    log.Add($"{handler.Key} {what}: accepted, ignored (saved as the form as filled)");
                }
                else if (!variant.MayBeAccepted && !lenient)
                {
                    Problem($"{what}: accepted, and the save differs from the form as filled in {string.Join(", ", delta.Keys)}");
                }
                else if (variant.IsMarkup && !inQuery && !lenient && !delta.Values.SelectMany(r => r).Any(r => r.StartsWith('+') && r.Contains(variant.Value!, StringComparison.Ordinal)))
                {
                    Problem($"{what}: accepted, but not stored as typed");
                }

                return;
            }

            if (changed.Count > 0)
            {
                Problem($"{what}: answered {answer.Status} but changed {string.Join(", ", changed)}");
            }

            // A version the record is not at (forged, left out, or a save made meanwhile) is refused with the conflict panel,
            // which shows the stored values beside the form's (docs/decisions/0020).
            if (answer.Status == 409 && answer.Page?.QuerySelector("#edit-conflict") is not null)
            {
                return;
            }

            if (answer.Status == 200 && answer.Page is not null)
            {
                if (reach.Redisplays || lenient)
                {
                    return;
                }

                var (beside, summary, elsewhere) = HostileInputSweep.Messages(answer.Page, name);
                var hasSlot = answer.Page.QuerySelectorAll("[data-valmsg-for]").Any(e => string.Equals(e.GetAttribute("data-valmsg-for"), name, StringComparison.OrdinalIgnoreCase));
                if (hasSlot && beside.Count == 0 && !variant.MayBeAccepted && reach.MessageAbove is null)
                {
                    Problem($"{what}: shown again without a message beside the field (summary: {string.Join(" | ", summary)}; elsewhere: {string.Join(" | ", elsewhere)})");
                }
                else if (beside.Count + summary.Count + elsewhere.Count == 0)
                {
                    Problem($"{what}: shown again without any message");
                }

                return;
            }

            if (answer.Status is 400 or 403 or 404 || answer.SentAway)
            {
                if (!variant.IsForged && !lenient && !(inQuery && answer.Status is 400 or 404))
                {
                    Problem($"{what}: answered {answer.Status} {answer.Location} instead of the form with a message");
                }

                return;
            }

            Problem($"{what}: answered {answer.Status} {answer.Location}");
        }

        /// <summary>The form posted to the route of a record outside the jurisdiction: not found or forbidden, nothing changed.</summary>
        private async Task ForgedRouteAsync()
        {
            var ownPath = _page.Split('?')[0];
            var forgedPath = reach.Page(foreign).Split('?')[0];
            if (ownPath == forgedPath || !_action.StartsWith(ownPath, StringComparison.Ordinal))
            {
                return;
            }

            var answer = await PostAsync(forgedPath + _action[ownPath.Length..], HostileInputSweep.Body(_fields));
            var changed = sweep.Committed() ? HostileInputSweep.Changed(sweep.Baseline, await sweep.RowsAsync()) : [];
            log.Add($"{handler.Key} forged route {forgedPath}: {answer.Status}");
            if (!(answer.Status is 403 or 404 || (answer.SentAway && answer.Location!.Contains("AccessDenied", StringComparison.Ordinal))) || changed.Count > 0)
            {
                Problem($"forged route {forgedPath}: {answer.Status} {answer.Location}, changed {string.Join(", ", changed)}");
            }

            RestoreIf(changed.Count > 0);
        }

        private async Task WithoutTokenAsync()
        {
            var answer = await PostAsync(_action, new FormUrlEncodedContent(_fields.Where(f => f.Key != Token)));
            var changed = sweep.Committed() ? HostileInputSweep.Changed(sweep.Baseline, await sweep.RowsAsync()) : [];
            if (answer.Status != 400 || changed.Count > 0)
            {
                Problem($"without the antiforgery token: {answer.Status}, changed {string.Join(", ", changed)}");
            }

            RestoreIf(changed.Count > 0);
        }

        /// <summary>
        /// A value the app saved is shown, without a server error, where the saved record is shown (the page redirected to,
        /// and the form); script or SQL text saved as typed is shown HTML-encoded there.
        /// </summary>
        private async Task ShownAsync(string what, string? markup, string location)
        {
            var shown = false;
            foreach (var url in new[] { location, _page })
            {
                var response = await session.Client.GetAsync(url);
                sweep.Requests++;
                if ((int)response.StatusCode >= 500)
                {
                    Problem($"{what}: saved, then {url} answers {(int)response.StatusCode}");
                    continue;
                }

                if (markup is null || shown || response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var html = await response.Content.ReadAsStringAsync();
                if (html.Contains(markup, StringComparison.Ordinal))
                {
                    Problem($"{what}: {url} shows it without HTML encoding");
                    return;
                }

                var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
                if (page.Body?.TextContent.Contains(markup, StringComparison.Ordinal) == true
                    || page.All.Any(e => e.Attributes.Any(a => a.Value.Contains(markup, StringComparison.Ordinal))))
                {
                    log.Add($"{handler.Key} {what}: stored as typed, shown encoded on {url}");
                    shown = true;
                }
            }

            if (markup is not null && !shown)
            {
                log.Add($"{handler.Key} {what}: stored as typed, shown on neither {location} nor {_page}");
            }
        }

        /// <summary>Puts the database back after a save (a session whose stamp the save changed signs in again on its next request).</summary>
        private void RestoreIf(bool changed)
        {
            if (changed)
            {
                sweep.Restore();
            }
        }

        private async Task<IHtmlDocument?> GetAsync(string url)
        {
            var response = await session.Client.GetAsync(url);
            sweep.Requests++;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Problem($"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
                return null;
            }

            return await TestApp.ParseAsync(response);
        }

        /// <summary>Posts; when the session was ended (its account's stamp put back with the database), signs in again and posts once more.</summary>
        private async Task<Answer> PostAsync(string url, HttpContent body, bool again = true)
        {
            var content = await body.ReadAsByteArrayAsync();
            sweep.RequestTime.Start();
            var response = await session.Client.PostAsync(url, Copy(content, body));
            sweep.RequestTime.Stop();
            sweep.Requests++;
            var location = response.Headers.Location?.OriginalString;
            if (again && location?.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal) == true)
            {
                await session.SignInAsync();

                // Signing in wrote to the account (a second factor's time step): the database as it is now is the one to put back.
                await sweep.SaveAsync();
                var token = HostileInputSweep.FindForm((await GetAsync(_page))!, _page, handler) is { } form ? HostileInputSweep.Values(form.Form).First(f => f.Key == Token).Value : null;
                var oldToken = _fields.FirstOrDefault(f => f.Key == Token).Value;
                Set(_fields, Token, token!);
                var text = System.Text.Encoding.ASCII.GetString(content).Replace(Uri.EscapeDataString(oldToken ?? ""), Uri.EscapeDataString(token!), StringComparison.Ordinal);
                return await PostAsync(url, new StringContent(text, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"), again: false);
            }

            var sentAway = location is not null && (location.Contains("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal));
            var page = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict && response.Content.Headers.ContentType?.MediaType == "text/html" ? await TestApp.ParseAsync(response) : null;
            return new Answer((int)response.StatusCode, location, sentAway, page);
        }

        private static ByteArrayContent Copy(byte[] content, HttpContent original)
        {
            var copy = new ByteArrayContent(content);
            copy.Headers.ContentType = original.Headers.ContentType;
            return copy;
        }

        private static List<string> Messages(IHtmlDocument page, string field)
        {
            var (beside, summary, elsewhere) = HostileInputSweep.Messages(page, field);
            return [.. beside, .. summary, .. elsewhere];
        }

        private static string WithQuery(string action, string name, string? value)
        {
            var query = HostileInputSweep.Query(action).Where(q => q.Key != name).ToList();
            if (value is not null)
            {
                query.Add(new(name, value));
            }

            return action.Split('?')[0] + "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        }

        private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
        {
            var at = fields.FindIndex(f => f.Key == name);
            fields.RemoveAll(f => f.Key == name);
            fields.Insert(at < 0 ? fields.Count : Math.Min(at, fields.Count), new(name, value));
        }

        private void Problem(string text) => problems.Add($"{handler.Key} as {reach.User}: {text}");

        [GeneratedRegex(@"\[\d+\]")]
        private static partial Regex Index();

        private sealed record Answer(int Status, string? Location, bool SentAway, IHtmlDocument? Page);
    }
}
