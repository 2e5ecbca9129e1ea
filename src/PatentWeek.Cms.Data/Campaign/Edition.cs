namespace PatentWeek.Cms.Data.Campaign;

/// <summary>One yearly campaign (第十三届 = 13). Content belongs to an edition; users, cities and media carry over.</summary>
public class Edition
{
    public int Id { get; set; }
    public int Number { get; set; }
    public int Year { get; set; }
    public required string Slogan { get; set; }
    public DateOnly WeekStart { get; set; }
    public DateOnly WeekEnd { get; set; }

    /// <summary>Folder name under <c>themes/</c> used for this edition's public site.</summary>
    public required string Theme { get; set; }

    /// <summary>The edition served at the site root; exactly one is current.</summary>
    public bool IsCurrent { get; set; }

    /// <summary>What the edition asks of the cities (the plan, the report), with their dates.</summary>
    public List<CampaignTask> Tasks { get; set; } = [];

    /// <summary>The figures each city's report gives.</summary>
    public List<CampaignMetric> Metrics { get; set; } = [];
}
