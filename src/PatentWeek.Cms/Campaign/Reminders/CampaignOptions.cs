using System.ComponentModel.DataAnnotations;

namespace PatentWeek.Cms.Campaign.Reminders;

/// <summary><c>Cms:Campaign</c>: when cities are reminded of what they owe.</summary>
public sealed class CampaignOptions : IValidatableObject
{
    public const string Section = "Cms:Campaign";

    /// <summary>Days before a due day on whose morning a city that owes the task is reminded.</summary>
    [MinLength(0), MaxLength(10)]
    public int[] ReminderDaysBefore { get; set; } = [3, 1];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderDaysBefore.Any(d => d is < 1 or > 60))
            yield return new ValidationResult("Cms:Campaign:ReminderDaysBefore takes days from 1 to 60.", [nameof(ReminderDaysBefore)]);
    }
}
