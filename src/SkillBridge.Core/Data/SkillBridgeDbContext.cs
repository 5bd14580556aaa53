using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Branding;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Groups;
using SkillBridge.Core.Media;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Notifications;
using SkillBridge.Core.Outbox;
using SkillBridge.Core.Paths;
using SkillBridge.Core.People;
using SkillBridge.Core.Progress;
using SkillBridge.Core.Search;
using SkillBridge.Core.Search.Synonyms;

namespace SkillBridge.Core.Data;

/// <summary>Content, people, media and learners' progress, plus ASP.NET Core Identity's tables (string keys) for accounts and roles.</summary>
public sealed class SkillBridgeDbContext(DbContextOptions<SkillBridgeDbContext> options)
    : IdentityDbContext<SkillBridgeUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Module> Modules => Set<Module>();

    public DbSet<ModuleRevision> ModuleRevisions => Set<ModuleRevision>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<LearningPath> LearningPaths => Set<LearningPath>();

    public DbSet<PathProgress> PathProgress => Set<PathProgress>();

    public DbSet<LearningPathDraft> LearningPathDrafts => Set<LearningPathDraft>();

    public DbSet<LearningPathRevision> LearningPathRevisions => Set<LearningPathRevision>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    public DbSet<ModuleDraft> ModuleDrafts => Set<ModuleDraft>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<PasswordResetLink> PasswordResetLinks => Set<PasswordResetLink>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<MissedSearch> MissedSearches => Set<MissedSearch>();

    public DbSet<SearchChange> SearchChanges => Set<SearchChange>();

    public DbSet<MentoringRequest> MentoringRequests => Set<MentoringRequest>();

    public DbSet<ProposedTime> ProposedTimes => Set<ProposedTime>();

    public DbSet<SessionFeedback> SessionFeedback => Set<SessionFeedback>();

    public DbSet<Mentoring.Availability.AvailabilityRange> AvailabilityRanges => Set<Mentoring.Availability.AvailabilityRange>();

    public DbSet<Mentoring.Availability.AvailabilitySkippedWeek> AvailabilitySkippedWeeks => Set<Mentoring.Availability.AvailabilitySkippedWeek>();

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ModuleProgress> ModuleProgress => Set<ModuleProgress>();

    public DbSet<StepVisit> StepVisits => Set<StepVisit>();

    public DbSet<QuizAnswer> QuizAnswers => Set<QuizAnswer>();

    public DbSet<ModuleRating> ModuleRatings => Set<ModuleRating>();

    public DbSet<StuckFlag> StuckFlags => Set<StuckFlag>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ThrottleCounter> ThrottleCounters => Set<ThrottleCounter>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<DepartmentMembership> DepartmentMemberships => Set<DepartmentMembership>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<AssignmentTarget> AssignmentTargets => Set<AssignmentTarget>();

    public DbSet<LearnerAssignment> LearnerAssignments => Set<LearnerAssignment>();

    public DbSet<AssignmentReminder> AssignmentReminders => Set<AssignmentReminder>();

    public DbSet<ReminderDigest> ReminderDigests => Set<ReminderDigest>();

    public DbSet<SearchSynonym> SearchSynonyms => Set<SearchSynonym>();

    public DbSet<SearchSynonymVersion> SearchSynonymVersions => Set<SearchSynonymVersion>();

    public DbSet<SiteBranding> SiteBranding => Set<SiteBranding>();

    /// <summary>Set when a save adds outbox rows, so that the sender is woken once they are committed (<see cref="OutboxInterceptor"/>).</summary>
    internal bool OutboxRowsAdded { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SkillBridgeDbContext).Assembly);
    }

    /// <summary>Every instant is stored in UTC (design.md, Time); reading one back says so.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
