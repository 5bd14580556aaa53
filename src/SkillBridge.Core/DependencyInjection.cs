using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Content;
using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Data;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Groups;
using SkillBridge.Core.Media;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Notifications;
using SkillBridge.Core.Outbox;
using SkillBridge.Core.Paths;
using SkillBridge.Core.People;
using SkillBridge.Core.Player;
using SkillBridge.Core.Progress;
using SkillBridge.Core.Publishing;
using SkillBridge.Core.Reports;
using SkillBridge.Core.Search;
using SkillBridge.Core.Search.Synonyms;

namespace SkillBridge.Core;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddSkillBridgeCore(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<SkillBridgeOptions>()
            .BindConfiguration(SkillBridgeOptions.Section)
            .PostConfigure(o => o.ResolvedDataPath = Path.GetFullPath(o.DataPath, contentRoot));

        builder.Services.AddDbContext<SkillBridgeDbContext>((services, db) =>
        {
            var options = services.GetRequiredService<IOptions<SkillBridgeOptions>>().Value;
            Configure(db, options);
            db.AddInterceptors(services.GetRequiredService<OutboxInterceptor>(), services.GetRequiredService<SearchChangeInterceptor>());
        });

        builder.Services.TryAddSingletonTimeProvider();
        builder.Services.AddMemoryCache();
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        builder.Services.AddSingleton<ImageProcessing>();
        builder.Services.AddSingleton<ImageVariantMaker>();
        builder.Services.AddSingleton<ImageProcessingGate>();
        builder.Services.AddSingleton<IProcessRunner, ExternalProcessRunner>();
        builder.Services.AddScoped<MediaStore>();
        builder.Services.AddScoped<MediaUploadService>();
        builder.Services.AddSingleton(services => new MarkdownRenderer(services.GetRequiredService<IOptions<SkillBridgeOptions>>().Value.Content.ImageHosts()));
        builder.Services.AddScoped<RenderedModuleCache>();
        builder.Services.AddScoped<CatalogueService>();
        builder.Services.AddScoped<ModuleReader>();
        builder.Services.AddScoped<PeopleService>();
        builder.Services.AddScoped<LearningPathService>();
        builder.Services.AddScoped<AssignmentCoverage>();
        builder.Services.AddScoped<PathProgressService>();
        builder.Services.AddScoped<PathBuilder>();
        builder.Services.AddScoped<PathPublishing>();
        builder.Services.AddScoped<AssignmentProgress>();
        builder.Services.AddScoped<AssignmentService>();
        builder.Services.AddScoped<AssignmentQueries>();
        builder.Services.AddScoped<AssignmentReminders>();
        builder.Services.AddScoped<AssignmentReports>();
        builder.Services.AddScoped<ModuleReports>();
        builder.Services.AddScoped<MentoringReports>();
        builder.Services.AddScoped<ReportChoicesQuery>();
        builder.Services.AddScoped<DepartmentMoves>();
        builder.Services.AddScoped<DepartmentService>();
        builder.Services.AddScoped<GroupService>();
        builder.Services.AddScoped<GroupPaste>();
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<ContentExporter>();
        builder.Services.AddScoped<StarterContentImporter>();
        builder.Services.AddScoped<DraftEditor>();
        builder.Services.AddSingleton<DraftPreview>();
        builder.Services.AddScoped<PublishingWorkflow>();
        builder.Services.AddScoped<ScheduledPublishing>();
        builder.Services.AddScoped<ReviewQueueService>();
        builder.Services.AddScoped<ReviewComparison>();
        builder.Services.AddScoped<ReviewConversation>();
        builder.Services.AddScoped<SkillBridge.Core.Notifications.WorkflowNotifications>();
        builder.Services.AddScoped<SkillBridge.Core.Notifications.ReviewDigest>();
        builder.Services.AddScoped<ModuleHistory>();
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddSingleton<SearchIndex>();
        builder.Services.AddSingleton<SearchChangeInterceptor>();
        builder.Services.AddHostedService<SearchIndexWorker>();
        builder.Services.AddSingleton<DatabaseSearchSynonyms>();
        builder.Services.AddSingleton<ISearchSynonymSource>(services => services.GetRequiredService<DatabaseSearchSynonyms>());
        builder.Services.AddScoped<SearchSynonymService>();
        builder.Services.AddScoped<ProgressService>();
        builder.Services.AddScoped<QuizService>();
        builder.Services.AddScoped<LearnerModuleStates>();
        builder.Services.AddScoped<FeedbackService>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<SkillBridge.Core.Branding.BrandingService>();
        builder.Services.AddScoped<SkillBridge.Core.People.ProfileEditor>();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddScoped<InvitationService>();
        builder.Services.AddScoped<InvitationBatch>();
        builder.Services.AddScoped<AccountDirectory>();
        builder.Services.AddScoped<ResetLinkService>();
        builder.Services.AddScoped<RequestThrottle>();
        builder.Services.AddScoped<PasswordCheck>();
        builder.Services.AddSingleton<UnknownAccountPassword>();
        builder.Services.AddScoped<ResetMailThrottle>();
        builder.Services.AddScoped<UserSessions>();
        builder.Services.AddPersonalDataSections();
        builder.Services.AddScoped<PersonalDataExporter>();
        builder.Services.AddScoped<AccountDeletion>();
        builder.Services.AddScoped<AuthorTransfer>();
        builder.Services.AddSingleton<MailStatus>();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddScoped<MailOutbox>();
        builder.Services.AddScoped<IOutboxDelivery, MailDelivery>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxInterceptor>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddScoped<OutboxAdmin>();
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddScoped<PasswordResetMail>();
        builder.Services.AddSingleton<SetupCode>();
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<MentoringService>();
        builder.Services.AddScoped<SkillBridge.Core.Mentoring.Availability.AvailabilityService>();
        builder.Services.AddScoped<AuthorDashboardService>();
        return builder;
    }

    /// <summary>
    /// The export lists sections in this order. Features add theirs after these with
    /// <c>AddScoped&lt;IPersonalDataSection, …&gt;()</c> (and hand-overs with <c>AddScoped&lt;IAuthorTransferStep, …&gt;()</c>).
    /// </summary>
    private static void AddPersonalDataSections(this IServiceCollection services)
    {
        services.AddScoped<IPersonalDataSection, ModuleCreditsSection>();
        services.AddScoped<IPersonalDataSection, RevisionsPublishedSection>();
        services.AddScoped<IPersonalDataSection, DraftsSection>();
        services.AddScoped<IPersonalDataSection, ReviewCommentsSection>();
        services.AddScoped<IPersonalDataSection, InvitationsSection>();
        services.AddScoped<IPersonalDataSection, AuditLogSection>();
        services.AddScoped<IPersonalDataSection, ProgressDataSection>();
        services.AddScoped<IPersonalDataSection, PathProgressDataSection>();
        services.AddScoped<IPersonalDataSection, AssignmentsDataSection>();
        services.AddScoped<IPersonalDataSection, MentoringDataSection>();
        services.AddScoped<IPersonalDataSection, Mentoring.Availability.AvailabilityDataSection>();
        services.AddScoped<IPersonalDataSection, SessionsDataSection>();
        services.AddScoped<IPersonalDataSection, OutboxDataSection>();
        services.AddScoped<IPersonalDataSection, PathsDataSection>();
        services.AddScoped<IPersonalDataSection, MembershipsDataSection>();
        services.AddScoped<IPersonalDataSection, SearchSynonymsDataSection>();
        services.AddScoped<IAuthorTransferStep, MentoringHandover>();
    }

    /// <summary>Points a context at the configured database; also used by tests and commands that build their own context.</summary>
    public static void Configure(DbContextOptionsBuilder db, SkillBridgeOptions options)
    {
        switch (options.DatabaseProvider)
        {
            case DatabaseProvider.Sqlite:
                db.UseSqlite(options.ConnectionString ?? SqliteConnectionString(options), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.PostgreSql:
                db.UseNpgsql(
                    options.ConnectionString
                        ?? throw new InvalidOperationException("SkillBridge:ConnectionString is required when SkillBridge:DatabaseProvider is PostgreSql."),
                    npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.DatabaseProvider}'.");
        }
    }

    /// <summary>Each provider keeps its own migrations and model snapshot, generated by <c>dotnet ef</c> (README, "Changing the database").</summary>
    public const string SqliteMigrationsAssembly = "SkillBridge.Migrations.Sqlite";

    /// <inheritdoc cref="SqliteMigrationsAssembly"/>
    public const string PostgreSqlMigrationsAssembly = "SkillBridge.Migrations.PostgreSql";

    public static string SqliteConnectionString(SkillBridgeOptions options) =>
        $"Data Source={Path.Combine(options.ResolvedDataPath, "skillbridge.db")};Foreign Keys=True;Pooling=True";

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
