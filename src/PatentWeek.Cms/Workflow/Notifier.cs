using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Tells everyone who reviews a city's paperwork (reviewers, editors) that it waits for them, with a link to it.</summary>
    public async Task OfficeAsync(string link, string message)
    {
        var office = (await users.GetUsersInRoleAsync(Roles.Reviewer)).Concat(await users.GetUsersInRoleAsync(Roles.Editor));
        foreach (var id in office.Where(u => u.DisabledAt is null).Select(u => u.Id).Distinct())
            Add(id, null, message, link, null);
    }

    /// <summary>
    /// Tells a city's contributors, with a link. A <paramref name="key"/> makes it once-only per user: a user who already
    /// has a notification with that key gets no second one (a reminder re-run after a crash).
    /// </summary>
    public async Task<int> CityAsync(string cityCode, string link, string message, string? key = null)
    {
        var contributors = (await users.GetUsersInRoleAsync(Roles.CityContributor))
            .Where(u => u.CityCode == cityCode && u.DisabledAt is null).Select(u => u.Id).ToList();
        var reached = key is null ? [] : await db.Notifications.Where(n => n.Key == key && contributors.Contains(n.UserId)).Select(n => n.UserId).ToListAsync();
        var to = contributors.Except(reached).ToList();
        foreach (var id in to)
            Add(id, null, message, link, key);
        return to.Count;
    }

    private void Add(string userId, ContentItem item, string message) => Add(userId, item.Id, message, null, null);

    private void Add(string userId, int? itemId, string message, string? link, string? key) => db.Notifications.Add(new Notification
    {
        UserId = userId,
        At = time.GetUtcNow().UtcDateTime,
        Message = message.Length <= 500 ? message : message[..500],
        ContentItemId = itemId,
        Link = link,
        Key = key,
    });
}
