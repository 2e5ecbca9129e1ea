using Microsoft.AspNetCore.Identity;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Workflow;

namespace PatentWeek.Cms.Workflow;

/// <summary>In-app notifications, added to the same unit of work as the step that causes them.</summary>
public sealed class Notifier(CmsDbContext db, UserManager<CmsUser> users, TimeProvider time)
{
    /// <summary>Tells everyone who can review that an item waits for them.</summary>
    public async Task ReviewersAsync(ContentItem item, string message)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reviewers = (await users.GetUsersInRoleAsync(Roles.Reviewer)).Concat(await users.GetUsersInRoleAsync(Roles.Editor));
        foreach (var id in reviewers.Where(u => u.DisabledAt is null).Select(u => u.Id).Distinct())
            Add(id, item, message);
    }

    /// <summary>Tells the item's author (or the working copy's) what happened to it.</summary>
    public void Author(ContentItem item, string? authorId, string message)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (authorId is not null)
            Add(authorId, item, message);
    }

    private void Add(string userId, ContentItem item, string message) => db.Notifications.Add(new Notification
    {
        UserId = userId,
        At = time.GetUtcNow().UtcDateTime,
        Message = message.Length <= 500 ? message : message[..500],
        ContentItemId = item.Id,
    });
}
