using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.SiteHealth;

/// <summary>
/// The report's checks that read the database: how recently the home page, each column (a kind's list, a topic,
/// a city) and the WeChat account were updated, and which topics are over. "Updated" means something new was
/// published there (an item's first publish time, <see cref="ContentItem.PublishedAt"/>), which is what an inspector
/// sees as the newest date on the page. Only the current edition counts: older editions are the archive.
/// </summary>
public sealed class ContentHealthChecks(CmsDbContext db, WeChatAccounts wechat, IOptions<SiteHealthOptions> options, TimeProvider time)
{
    /// <summary>The tag that marks a topic as over (历史专题): the topic stays online, the inspection no longer counts it as a column.</summary>
    public const string HistoricalTopicTag = "历史专题";

    /// <summary>More empty columns than this is a veto item of the inspection.</summary>
    private const int EmptyColumnVeto = 5;

    /// <summary>More idle columns than this is a veto item of the inspection.</summary>
    private const int IdleColumnVeto = 10;

    private SiteHealthOptions Options => options.Value;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<HealthFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var findings = new List<HealthFinding>();
        var edition = await db.Editions.AsNoTracking()
            .OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (edition is not null)
        {
            var live = await db.ContentItems.AsNoTracking()
                .Where(i => i.EditionId == edition.Id && i.State == ContentState.Published && i.DeletedAt == null)
                .Select(i => new LiveItem(i.Id, i.Kind, i.Slug, i.Title, i.CityCode, i.PublishedAt, i.EndsAt, i.Tags.Select(t => t.Name).ToList()))
                .ToListAsync(cancellationToken);
            Home(live, findings);
            await ColumnsAsync(edition, live, findings, cancellationToken);
            Topics(edition, live, findings);
        }

        await WeChatAsync(findings, cancellationToken);
        return findings;
    }

    private void Home(List<LiveItem> live, List<HealthFinding> findings)
    {
        var last = live.Max(i => i.PublishedAt);
        var days = last is { } at ? (Now - at).TotalDays : double.PositiveInfinity;
        if (days < Options.HomeWarningDays)
            return;
        var severity = days >= Options.HomeErrorDays ? HealthSeverity.Error : HealthSeverity.Warning;
        var message = last is null
            ? "首页没有任何已发布的内容。"
            : $"首页已 {Math.Floor(days)} 天未更新（最近发布于 {Date(last.Value)}），超过 {Options.HomeErrorDays} 天即为单项否决。";
        findings.Add(new(severity, HealthCheck.HomeUpdated, message, "/admin/content/new?kind=news"));
    }

    private async Task ColumnsAsync(Edition edition, List<LiveItem> live, List<HealthFinding> findings, CancellationToken cancellationToken)
    {
        var columns = new List<(string Name, string Url, string Fix, List<LiveItem> Items)>();
        foreach (var type in ContentTypes.All.Where(t => t.HasListPage))
            columns.Add(($"栏目「{type.Label}」", "/" + type.Name, $"/admin/content/new?kind={type.Name}", live.Where(i => i.Kind == type.Kind).ToList()));

        foreach (var topic in live.Where(i => i.Kind == ContentKind.Topic && !IsOver(edition, i)))
        {
            var items = live.Where(i => i.Id != topic.Id && i.Tags.Exists(topic.Tags.Contains)).ToList();
            columns.Add(($"专题「{topic.Title}」", ContentTypes.Of(ContentKind.Topic).PathOf(topic.Slug), $"/admin/content/{topic.Id}", items));
        }

        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        foreach (var city in cities)
            columns.Add(($"市州「{city.Name}」", "/city/" + city.Code, $"/admin/content?city={city.Code}", live.Where(i => i.CityCode == city.Code).ToList()));

        int empty = 0, idle = 0;
        foreach (var (name, url, fix, items) in columns)
        {
            var last = items.Max(i => i.PublishedAt);
            if (last is null)
            {
                empty++;
                findings.Add(new(HealthSeverity.Warning, HealthCheck.ColumnEmpty, $"{name}（{url}）没有任何已发布的内容，是空白栏目。", fix));
            }
            else if ((Now - last.Value).TotalDays >= Options.ColumnIdleDays)
            {
                idle++;
                findings.Add(new(HealthSeverity.Warning, HealthCheck.ColumnIdle,
                    $"{name}（{url}）已 {Math.Floor((Now - last.Value).TotalDays)} 天未更新（最近发布于 {Date(last.Value)}）。", fix));
            }
        }

        if (empty > EmptyColumnVeto)
            findings.Add(new(HealthSeverity.Error, HealthCheck.ColumnEmpty, $"空白栏目共 {empty} 个，超过 {EmptyColumnVeto} 个即为单项否决。", "/admin/content"));
        if (idle > IdleColumnVeto)
            findings.Add(new(HealthSeverity.Error, HealthCheck.ColumnIdle, $"长期未更新的栏目共 {idle} 个，超过 {IdleColumnVeto} 个即为单项否决。", "/admin/content"));
    }

    private void Topics(Edition edition, List<LiveItem> live, List<HealthFinding> findings)
    {
        foreach (var topic in live.Where(i => i.Kind == ContentKind.Topic && IsOver(edition, i) && !i.Tags.Contains(HistoricalTopicTag)))
        {
            findings.Add(new(HealthSeverity.Notice, HealthCheck.TopicEnded,
                $"专题「{topic.Title}」已于 {Date(EndOf(edition, topic))} 结束，请加上标签「{HistoricalTopicTag}」标为历史专题。",
                $"/admin/content/edit/{topic.Id}"));
        }
    }

    /// <summary>A topic ends on its own end date, else its edition's week end plus a grace (the week's reports come in after it).</summary>
    private DateTime EndOf(Edition edition, LiveItem topic) =>
        topic.EndsAt ?? Infrastructure.BeijingTime.ToUtc(edition.WeekEnd.AddDays(Options.TopicGraceDays + 1).ToDateTime(TimeOnly.MinValue));

    private bool IsOver(Edition edition, LiveItem topic) => Now >= EndOf(edition, topic);

    private async Task WeChatAsync(List<HealthFinding> findings, CancellationToken cancellationToken)
    {
        var account = await wechat.CurrentAsync(cancellationToken);
        if (!account.CanCall)
        {
            findings.Add(new(HealthSeverity.Notice, HealthCheck.WeChatIdle, "未配置微信公众号，无法检查政务新媒体的更新情况。", "/admin/wechat/settings"));
            return;
        }

        var last = await db.WeChatPosts.AsNoTracking()
            .Where(p => p.Status == WeChatPostStatus.Published && p.AppId == account.AppId)
            .OrderByDescending(p => p.FinishedAt).ThenByDescending(p => p.Id)
            .Select(p => (DateTime?)(p.FinishedAt ?? p.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        var days = last is { } at ? (Now - at).TotalDays : double.PositiveInfinity;
        if (days < Options.WeChatWarningDays)
            return;
        // An account that never published is not yet a 政务新媒体 the inspection scores, only one to start using.
        var severity = last is not null && days >= Options.WeChatErrorDays ? HealthSeverity.Error : HealthSeverity.Warning;
        var message = last is null
            ? "微信公众号还没有成功发布过文章。"
            : $"微信公众号已 {Math.Floor(days)} 天未发布（最近一次成功发布于 {Date(last.Value)}），超过 {Options.WeChatErrorDays} 天即为单项否决。";
        findings.Add(new(severity, HealthCheck.WeChatIdle, message, "/admin/wechat"));
    }

    private static string Date(DateTime utc) => Infrastructure.BeijingTime.ToBeijing(utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record LiveItem(int Id, ContentKind Kind, string Slug, string Title, string? CityCode, DateTime? PublishedAt, DateTime? EndsAt, List<string> Tags);
}
