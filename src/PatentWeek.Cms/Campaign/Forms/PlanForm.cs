using System.Text.RegularExpressions;
using PatentWeek.Cms.Content.Types;

namespace PatentWeek.Cms.Campaign.Forms;

/// <summary>A themed event the plan promises: what, when, where, by whom and for how many; <see cref="ItemId"/> once it became an event item.</summary>
public sealed record PlannedEvent
{
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? Type { get; init; }
    public string? Place { get; init; }
    public string? Organiser { get; init; }
    public int? ExpectedParticipants { get; init; }
    public int? ItemId { get; init; }
}

/// <summary>
/// A city's activity and publicity plan (活动实施及宣传方案): its overview, planned events, publicity channels and
/// arrangements, a contact, and the files the notice asks for (the stamped scan, required; the editable .docx).
/// Stored as it is sent (JSON), checked by <see cref="Check"/>.
/// </summary>
public sealed partial record PlanForm : ISubmissionForm<PlanForm>
{
    public static Data.Campaign.SubmissionKind Kind => Data.Campaign.SubmissionKind.Plan;

    public IEnumerable<int> Files => new[] { Scan, Document }.OfType<int>();

    public const int MaxEvents = 50;

    public string? Overview { get; init; }
    public List<PlannedEvent> Events { get; init; } = [];
    public List<string> Channels { get; init; } = [];
    public string? Publicity { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public int? Scan { get; init; }
    public int? Document { get; init; }

    /// <summary>The form trimmed, with every field's problem: what is wrong (400) and what a submit still lacks (422).</summary>
    public PlanForm Check(FormContext context, string city, FormCheck check)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(check);
        var events = Events ?? [];
        if (events.Count > MaxEvents)
            check.Refuse("events", CampaignRefusals.TooMany(MaxEvents));
        var cleaned = events.Take(MaxEvents).Select((e, i) => CheckEvent(e ?? new PlannedEvent(), $"events[{i}]", context, check)).ToList();
        if (cleaned.Count < context.MinimumEvents)
            check.Missing.TryAdd("events", CampaignRefusals.FewerEvents(context.MinimumEvents));

        var channels = (Channels ?? []).Select(c => c?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (channels.Any(c => PublicityChannels.All.All(k => k.Code != c)))
            check.Refuse("channels", CampaignRefusals.ChannelUnknown());
        var phone = check.Text("contactPhone", ContactPhone, 20, required: true);
        if (phone is not null && !PhonePattern().IsMatch(phone))
            check.Refuse("contactPhone", CampaignRefusals.Phone());
        check.Scan("scan", Scan, context, city);
        check.Require("scan", Scan is not null);
        check.Document("document", Document, context, city);
        return this with
        {
            Overview = check.Text("overview", Overview, 5000),
            Events = cleaned,
            Channels = channels,
            Publicity = check.Text("publicity", Publicity, 5000),
            ContactName = check.Text("contactName", ContactName, 32, required: true),
            ContactPhone = phone,
        };
    }

    private static PlannedEvent CheckEvent(PlannedEvent e, string at, FormContext context, FormCheck check)
    {
        check.Date($"{at}.date", e.Date, context);
        check.Require($"{at}.date", e.Date is not null, "date");
        var type = string.IsNullOrWhiteSpace(e.Type) ? null : e.Type.Trim();
        if (type is not null && EventTypes.LabelOf(type) is null)
            check.Refuse($"{at}.type", CampaignRefusals.EventTypeUnknown());
        check.Require($"{at}.type", type is not null, "type");
        if (e.ExpectedParticipants is < 0 or > 1_000_000)
            check.Refuse($"{at}.expectedParticipants", CampaignRefusals.Participants());
        return e with
        {
            Title = check.Text($"{at}.title", e.Title, 100, required: true),
            Type = type,
            Place = check.Text($"{at}.place", e.Place, 100, required: true),
            Organiser = check.Text($"{at}.organiser", e.Organiser, 100, required: true),
        };
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,18}[0-9]$")]
    private static partial Regex PhonePattern();
}
