using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Data.Outbox;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.Data.Workflow;

namespace PatentWeek.Cms.Data;

/// <summary>The one database of the CMS, Identity included; the same model on SQLite and PostgreSQL.</summary>
public class CmsDbContext(DbContextOptions<CmsDbContext> options) : IdentityDbContext<CmsUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Data Protection's key ring (sign-in cookies, antiforgery, preview links, 2FA, stored WeChat secrets): in the
    /// database, so every instance reads the same keys and a backup of the database carries them.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<City> Cities => Set<City>();
    public DbSet<SiteIdentityRecord> SiteIdentity => Set<SiteIdentityRecord>();
    public DbSet<CampaignTask> CampaignTasks => Set<CampaignTask>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();
    public DbSet<EventQuota> EventQuotas => Set<EventQuota>();
    public DbSet<CampaignMetric> CampaignMetrics => Set<CampaignMetric>();
    public DbSet<CitySubmission> CitySubmissions => Set<CitySubmission>();
    public DbSet<SubmissionVersion> SubmissionVersions => Set<SubmissionVersion>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentTag> ContentTags => Set<ContentTag>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<Search.SearchDocument> SearchDocuments => Set<Search.SearchDocument>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SensitiveWord> SensitiveWords => Set<SensitiveWord>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<MediaUsage> MediaUsages => Set<MediaUsage>();
    public DbSet<WeChatPost> WeChatPosts => Set<WeChatPost>();
    public DbSet<WeChatPostItem> WeChatPostItems => Set<WeChatPostItem>();
    public DbSet<WeChatPostStep> WeChatPostSteps => Set<WeChatPostStep>();
    public DbSet<WeChatUpload> WeChatUploads => Set<WeChatUpload>();
    public DbSet<WeChatDelivery> WeChatDeliveries => Set<WeChatDelivery>();
    public DbSet<WeChatAccountSettings> WeChatAccountSettings => Set<WeChatAccountSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CmsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every instant is UTC; SQLite would otherwise hand back DateTimeKind.Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
