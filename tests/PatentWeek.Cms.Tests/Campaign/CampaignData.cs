using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Campaign;

/// <summary>Cheap data for the paperwork tests: library rows for attachments (uploading is the media tests' business), and forms.</summary>
internal static class CampaignData
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A library row as an upload by the city would leave it.</summary>
    public static async Task<int> FileAsync(CmsApp app, string? city, string contentType, string name)
    {
        await using var db = app.CreateContext();
        var asset = new MediaAsset
        {
            Kind = contentType.StartsWith("image/", StringComparison.Ordinal) ? MediaKind.Image : MediaKind.Document,
            ContentType = contentType, Sha256 = Guid.NewGuid().ToString("N"), Size = 1000, OriginalName = name, CityCode = city,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.MediaAssets.Add(asset);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return asset.Id;
    }

    public static object Event(string title, string date, string type = "training") =>
        new { title, date, type, place = "武汉光谷会展中心", organiser = "武汉市知识产权局", expectedParticipants = 200 };

    /// <summary>A plan that can be submitted: two events, a contact and the scan.</summary>
    public static object Plan(int? scan, params object[] events) => new
    {
        overview = "围绕知识产权助推实体经济高质量发展开展系列活动。",
        events = events.Length > 0 ? events : [Event("专利质押融资对接会", "2019-12-02"), Event("高价值专利培训", "2019-12-03", "training")],
        channels = new[] { "site", "wechat" },
        contactName = "张敏",
        contactPhone = "027-86759077",
        scan,
    };

    public static async Task SetCategoriesAsync(CmsApp app, string city, bool strong, int? minimum = null)
    {
        await using var db = app.CreateContext();
        var row = await db.Cities.SingleAsync(c => c.Code == city, TestContext.Current.CancellationToken);
        row.StrongCity = strong;
        var edition = await db.Editions.SingleAsync(e => e.Number == 13, TestContext.Current.CancellationToken);
        await db.EventQuotas.Where(q => q.CityCode == city).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        if (minimum is { } n)
            db.EventQuotas.Add(new EventQuota { EditionId = edition.Id, CityCode = city, MinimumEvents = n });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The task's grace for every city; tests that set one set it back to 0 when done.</summary>
    public static async Task SetGraceAsync(CmsApp app, SubmissionKind kind, int minutes)
    {
        await using var db = app.CreateContext();
        await db.CampaignTasks.Where(t => t.Kind == kind).ExecuteUpdateAsync(u => u.SetProperty(t => t.GraceMinutes, minutes), TestContext.Current.CancellationToken);
    }

    public static async Task ExtendAsync(CmsApp app, SubmissionKind kind, string city, DateOnly due)
    {
        await using var db = app.CreateContext();
        var task = await db.CampaignTasks.Include(t => t.Extensions).SingleAsync(t => t.Kind == kind, TestContext.Current.CancellationToken);
        task.Extensions.RemoveAll(x => x.CityCode == city);
        task.Extensions.Add(new DeadlineExtension { CityCode = city, DueOn = due, Reason = "疫情", GrantedBy = "editor@example.cn", GrantedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
