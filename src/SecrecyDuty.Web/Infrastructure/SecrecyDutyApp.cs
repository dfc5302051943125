using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Background;
using SecrecyDuty.Web.Infrastructure.Concurrency;
using SecrecyDuty.Web.Infrastructure.Diagnostics;
using SecrecyDuty.Web.Infrastructure.Input;
using SecrecyDuty.Web.Infrastructure.Security;
using Serilog;
using Serilog.Formatting.Compact;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>Composition of the application: services, the request pipeline and first-run database work.</summary>
public static class SecrecyDutyApp
{
    public const string AdministratorPolicy = "Administrator";

    /// <summary>The app's data folder: the SQLite file, logs, data-protection keys (docs/operations.md).</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return Path.GetFullPath(configuration["App:DataDirectory"] ?? "App_Data", environment.ContentRootPath);
    }

    public static WebApplicationBuilder AddSecrecyDuty(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataDirectory = DataDirectory(configuration, builder.Environment);
        Directory.CreateDirectory(dataDirectory);

        services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            if (configuration.GetValue("Logging:File:Enabled", true))
            {
                logger.WriteTo.File(
                    new CompactJsonFormatter(),
                    Path.Combine(dataDirectory, "logs", "secrecyduty-.json"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: configuration.GetValue("Logging:File:RetainedDays", 31));
            }
        });

        services.AddSecrecyDutyDatabase(configuration, dataDirectory);
        services.AddSingleton(TimeProvider.System);

        // Identity: accounts are created by administrators; no registration, no external logins.
        var security = configuration.GetSection(SecuritySettings.Section).Get<SecuritySettings>() ?? new SecuritySettings();
        services.AddSingleton(security);
        services.AddSingleton(new TwoFactorPolicy(security.RequireTwoFactor ?? !builder.Environment.IsDevelopment()));
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = CreateAccountValidator.MinimumPasswordLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;

                // Authenticator codes are accepted once only (OneTimeAuthenticatorTokenProvider).
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<TimingSafeSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name);

        var secureCookies = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "SecrecyDuty.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secureCookies;

            // A session ends after this long without a request; each request renews it (docs/configuration.md).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, security.SessionIdleMinutes));
            o.SlidingExpiration = true;

            // Every request checks the cookie against the account: sign-out, a new password, a role changed, a
            // deactivation or a lockout ends the session on its next request (SessionValidation).
            o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
        });
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = secureCookies);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secureCookies;
        });
        services.AddSignInRateLimiting(security);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "SecrecyDuty.Antiforgery";
            o.Cookie.SecurePolicy = secureCookies;
            o.Cookie.SameSite = SameSiteMode.Strict;

            // X-Frame-Options comes with the other security headers, on every response (SecurityHeaderPolicy).
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddSecrecyDutyDataProtection(configuration, builder.Environment.ContentRootPath);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdministratorPolicy, p => p.RequireRole(Roles.Administrator));

        // Localization: one JSON string table per culture, zh-CN by default.
        services.AddSingleton<JsonStringTables>();
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.All.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // The choice is remembered in a cookie; the browser's language does not override the default.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", AdministratorPolicy);
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Culture");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/StatusCode");
            })
            .AddMvcOptions(o =>
            {
                // FluentValidation owns validation; MVC's implicit [Required] would put its own message first.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<AccessDeniedExceptionFilter>();

                // Input that does not bind is refused before any handler runs (docs/security.md).
                o.ModelBinderProviders.Insert(0, new DefinedEnumModelBinderProvider());
                o.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
                o.ModelBinderProviders.Insert(0, new SafeTextModelBinderProvider());
                o.Filters.Add<UnknownHandlerFilter>();
                o.Filters.Add<UnboundInputFilter>();
                o.Filters.Add<TwoFactorEnrolmentFilter>();
                o.Filters.Add<ExportAuditFilter>();

                // A save refused because someone else saved the record first answers 409 with the form (docs/decisions/0020).
                o.Filters.Add<EditConflictFilter>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();

        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        services.AddSingleton<IConfigureOptions<MvcViewOptions>, LocalizedClientValidation>();
        services.AddValidatorsFromAssemblyContaining<CreateAccountValidator>();
        services.AddValidatorsFromAssemblyContaining<SecrecyDutyAppMarker>();
        services.AddFluentValidationClientsideAdapters();

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<Jurisdiction>();
        services.AddCoreServices();

        // One refresh of the stored compliance judgements at a time in this process, and the figures counted over them kept
        // until their year's revision changes (docs/decisions/0022).
        services.AddSingleton<ComplianceRefreshGate>();
        services.AddSingleton<ComplianceFigures>();

        // Import jobs outlive the request that starts them: kept in the database and run by the scheduler (ImportJob), with
        // their progress in this process's memory, the scoped API that pages call, and the account a job's scope acts for.
        services.AddSingleton(configuration.GetSection(ImportLimits.Section).Get<ImportLimits>() ?? new ImportLimits());
        services.AddSingleton<ImportProgressBoard>();
        services.AddScoped<ImportJobs>();
        services.AddScoped<BackgroundActor>();

        // Recurring work (the daily reminders) on Quartz.NET over the app's own database.
        services.AddSecrecyDutyScheduler(configuration, dataDirectory);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<CatalogueSeeder>();
        services.AddScoped<ScoreTemplateSeeder>();

        // Art. 17: the days the cadre-management organ is given to answer a proposal unless it says otherwise.
        // The hours allowed between the discovery of a leak and the report to the secrecy department.
        services.AddSingleton(new IncidentSettings(builder.Configuration.GetValue("Incidents:ReportingHours", IncidentRules.DefaultReportingHours)));
        // The texts the incident pages cite in their sanction guidance, read once, as the `guidance` command reads them.
        services.AddSingleton(_ => new SanctionRegulation(
            RegulationLoader.NewestWithSanctionRules(CatalogueSeeder.DefaultDirectory).Regulation
            ?? throw new InvalidOperationException($"No regulation file with sanction rules could be read from {CatalogueSeeder.DefaultDirectory}.")));
        services.AddSingleton(new ProposalSettings(builder.Configuration.GetValue("Proposals:FeedbackDays", ProposalRules.DefaultFeedbackDays)));
        services.AddScoped<DemoProvinceSeeder>();
        services.AddScoped<ProvinceGenerator>();

        // Chinese text in pages as characters, not numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    public static WebApplication UseSecrecyDuty(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Security headers on every response, the error and status pages included (HSTS outside Development); an evidence
        // download keeps its own sandboxing policy (registered first, so that its callback runs last).
        app.UseDownloadSandbox();
        app.UseSecurityHeaders(SecurityHeaderPolicy.For(app.Environment));
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        if (app.Configuration.GetValue("App:HttpsRedirection", !app.Environment.IsDevelopment()))
        {
            app.UseHttpsRedirection();
        }

        // The benchmark's measures (docs/performance.md): SQL commands per request, and the framework's floor.
        if (app.Configuration.GetValue("Diagnostics:CountSqlCommands", false))
        {
            SqlCommandCount.UseSqlCommandCount(app);
        }

        app.UseSerilogRequestLogging(o =>
            o.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("UserName", http.User.Identity?.Name ?? "(anonymous)"));
        app.UseStaticFiles();
        app.UseNoStoreForDynamicResponses();
        app.UseSignInRateLimiting();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapRazorPages();
        if (app.Configuration.GetValue("Diagnostics:FloorPage", false))
        {
            app.MapGet("/diagnostics/floor", () => Results.Text("SecrecyDuty", "text/plain")).AllowAnonymous();
        }

        return app;
    }

    /// <summary>Migrates (when configured), seeds reference data and, in Development, the demo province.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecrecyDutyApp));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Held until the process ends: a restore refuses to replace the file under a running instance.
            app.Lifetime.ApplicationStopped.Register(SqliteDatabase.HoldInstanceLock(db.Database.GetConnectionString()!).Dispose);
            await SqliteDatabase.UseWriteAheadLogAsync(db);
        }

        if (options.ShouldMigrateOnStartup)
        {
            await db.Database.MigrateAsync();
            Log.DatabaseMigrated(logger, options.Provider);
        }

        if (!DataProtectionSetup.KeysAreEncrypted(app.Configuration) && !app.Environment.IsDevelopment())
        {
            Log.DataProtectionKeysUnencrypted(logger, DataProtectionSetup.CertificatePathSetting);
        }

        // The planner's statistics brought up to date before the first request (SQLite only; the scheduler repeats it).
        await SqliteStatistics.OptimizeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), atStartup: true);

        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("App:SeedDemoData", true))
        {
            var accounts = await scope.ServiceProvider.GetRequiredService<DemoProvinceSeeder>().SeedAsync();
            app.Lifetime.ApplicationStarted.Register(() => PrintDemoSignIns(app, accounts));
        }
    }

    private static void PrintDemoSignIns(WebApplication app, IReadOnlyList<DemoAccount> accounts)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "SecrecyDuty is running (Development, demo province 示范省):" };
        lines.AddRange(addresses.Select(a => $"  open {a}"));
        lines.Add($"  demo sign-ins, all with password {DemoProvinceSeeder.DemoPassword}:");
        lines.AddRange(accounts.Select(a => $"    {a.UserName,-12} {a.Role,-18} {a.UnitName}"));
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), durationMs = e.Value.Duration.TotalMilliseconds }),
        }));
    }
}

/// <summary>Anchors assembly scanning of the web project's own validators.</summary>
public sealed class SecrecyDutyAppMarker;
