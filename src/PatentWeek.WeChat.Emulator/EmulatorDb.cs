using Microsoft.EntityFrameworkCore;

namespace PatentWeek.WeChat.Emulator;

/// <summary>An access token the emulator issued. <c>Family</c> keeps /token and /stable_token apart, as WeChat does.</summary>
public sealed class EmuToken
{
    public required string Value { get; set; }
    public required string Family { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When a newer token of the same family replaced it; it keeps working for 5 minutes after that.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>Revoked by a test (the hook for "the token died mid-flow"): 40001 from then on.</summary>
    public bool Revoked { get; set; }
}

public sealed class EmuMaterial
{
    public required string MediaId { get; set; }
    public required string Type { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Bytes { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Introduction { get; set; }

    /// <summary>Body images (uploadimg) have a URL but no media id of the library.</summary>
    public bool BodyImage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class EmuDraft
{
    public required string MediaId { get; set; }

    /// <summary>The articles as WeChat stores them (snake_case JSON, content already sanitised).</summary>
    public required string Articles { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class EmuPublishJob
{
    public required string PublishId { get; set; }
    public required string Articles { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset CompletesAt { get; set; }

    /// <summary>The status the job ends in (0, or 2/3/4 by injection); it reads 1 until <see cref="CompletesAt"/>.</summary>
    public int FinalStatus { get; set; }
    public string? FailIdx { get; set; }
    public string? ArticleId { get; set; }
    public bool Deleted { get; set; }

    /// <summary>PUBLISHJOBFINISH deliveries tried so far (WeChat tries 3 times in all).</summary>
    public int PushAttempts { get; set; }

    /// <summary>Set once the push was answered <c>success</c> (or empty), given up, or dropped by injection.</summary>
    public bool PushDone { get; set; }

    /// <summary>
    /// Not before this instant is the next delivery tried: WeChat waits 5 s for an answer, so a retry starts at the
    /// earliest 5 s after the attempt before it began. Null until the first attempt.
    /// </summary>
    public DateTimeOffset? NextPushAt { get; set; }
}

/// <summary>A JS-SDK (jsapi) or card (wx_card) ticket; <see cref="Fetches"/> counts the getticket calls that handed it out.</summary>
public sealed class EmuTicket
{
    public required string Value { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Fetches { get; set; }
}

public sealed class EmuQuota
{
    public required string Path { get; set; }
    public required string Day { get; set; }
    public int Used { get; set; }
}

/// <summary>The emulator's own SQLite file, so a restart of either side loses nothing.</summary>
public sealed class EmulatorDb(DbContextOptions<EmulatorDb> options) : DbContext(options)
{
    public DbSet<EmuToken> Tokens => Set<EmuToken>();
    public DbSet<EmuMaterial> Materials => Set<EmuMaterial>();
    public DbSet<EmuDraft> Drafts => Set<EmuDraft>();
    public DbSet<EmuPublishJob> PublishJobs => Set<EmuPublishJob>();
    public DbSet<EmuQuota> Quotas => Set<EmuQuota>();
    public DbSet<EmuTicket> Tickets => Set<EmuTicket>();
    public DbSet<EmuRid> Rids => Set<EmuRid>();
    public DbSet<EmuTemporaryMedia> TemporaryMedia => Set<EmuTemporaryMedia>();
    public DbSet<EmuMassSend> MassSends => Set<EmuMassSend>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<EmuToken>().HasKey(t => t.Value);
        modelBuilder.Entity<EmuToken>().HasIndex(t => new { t.Family, t.IssuedAt });
        modelBuilder.Entity<EmuMaterial>().HasKey(m => m.MediaId);
        modelBuilder.Entity<EmuDraft>().HasKey(d => d.MediaId);
        modelBuilder.Entity<EmuPublishJob>().HasKey(j => j.PublishId);
        modelBuilder.Entity<EmuQuota>().HasKey(q => new { q.Path, q.Day });
        modelBuilder.Entity<EmuTicket>().HasKey(t => t.Value);
        modelBuilder.Entity<EmuTicket>().HasIndex(t => new { t.Type, t.IssuedAt });
        modelBuilder.Entity<EmuMassSend>().HasIndex(s => new { s.ClientMsgId, s.SentAt });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; store instants as ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<long>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<long?>();
    }
}
