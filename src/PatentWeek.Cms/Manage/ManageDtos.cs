using System.Text.Json.Serialization;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Staff;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Manage;

/// <summary>
/// An item as staff see it. The fields are the editable version (the working copy of a published item,
/// when it has one); <c>state</c> is the live state and <c>workingCopyState</c> the copy's. The declared
/// <see cref="TextFields"/> are properties of the answer too, written from <see cref="Texts"/>.
/// </summary>
[TextFieldsAlwaysWritten]
public sealed record ManageContentDto(
    int Id,
    [property: ContentKindName] string Kind,
    int Edition,
    string State,
    string? WorkingCopyState,
    int Version,
    string Title,
    string Slug,
    string Body,
    string Html,
    string? City,
    IReadOnlyList<string> Tags,
    bool Original,
    bool Pinned,
    bool Sample,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ScheduledPublishAt,
    DateTimeOffset? ScheduledUnpublishAt,
    string? ReviewComment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    string Url,
    IReadOnlyList<WordHit> Warnings) : IHasTextFields
{
    [JsonIgnore]
    public TextValues Texts { get; init; } = new();

    public static ManageContentDto From(ContentItem item, IReadOnlyList<WordHit>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var copy = WorkingCopy.Of(item);
        var f = copy?.Fields ?? ContentFields.From(item, item.Edition.Number);
        return new ManageContentDto(
            item.Id, item.Kind.ToName(), item.Edition.Number, item.State.ToName(), item.WorkingCopyState?.ToName(), item.Version,
            f.Title, f.Slug, f.Body, copy?.Html ?? item.Html, f.City, f.Tags,
            f.IsOriginal, f.IsPinned, f.IsSample, BeijingTime.ToBeijing(f.StartsAt), BeijingTime.ToBeijing(f.EndsAt),
            BeijingTime.ToBeijing(item.PublishedAt), BeijingTime.ToBeijing(item.ScheduledPublishAt), BeijingTime.ToBeijing(item.ScheduledUnpublishAt), item.ReviewComment,
            BeijingTime.ToBeijing(item.CreatedAt), BeijingTime.ToBeijing(item.UpdatedAt), BeijingTime.ToBeijing(item.DeletedAt),
            ContentQueries.Url(item.Edition, item.Kind, item.Slug), warnings ?? []) { Texts = f.Texts };
    }

}

public sealed record ManageContentSummaryDto(
    int Id, [property: ContentKindName] string Kind, int Edition, string State, string? WorkingCopyState, string Title, string Slug, string? City,
    DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? DeletedAt)
{
    public static ManageContentSummaryDto From(StaffRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Kind.ToName(), row.Edition, row.State.ToName(), row.WorkingCopyState?.ToName(), row.Title, row.Slug, row.CityCode,
            BeijingTime.ToBeijing(row.UpdatedAt), BeijingTime.ToBeijing(row.PublishedAt), BeijingTime.ToBeijing(row.DeletedAt));
    }
}

public sealed record RevisionDto(int Number, DateTimeOffset CreatedAt, string CreatedBy, ContentFields Fields);

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? IpAddress);

public sealed record PreviewLinkDto(string Url, string ApiUrl, DateTimeOffset ExpiresAt);

public sealed record NotificationDto(long Id, DateTimeOffset At, string Message, int? ContentItemId, bool Read);
