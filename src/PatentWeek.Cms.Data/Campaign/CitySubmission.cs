namespace PatentWeek.Cms.Data.Campaign;

/// <summary>
/// A city's activity plan or summary report for an edition: one row per city, kind and edition, created by the city's
/// first save. Its fields are a JSON document of the kind's form (the plan's events, the report's sections and metrics);
/// every save and every step is kept as a <see cref="SubmissionVersion"/>.
/// </summary>
public class CitySubmission : ICityOwned
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public SubmissionKind Kind { get; set; }
    public required string CityCode { get; set; }
    string? ICityOwned.CityCode => CityCode;

    public SubmissionState State { get; set; }
    public required string Title { get; set; }

    /// <summary>The form's fields as JSON (<c>PlanForm</c> or <c>ReportForm</c>).</summary>
    public required string Data { get; set; }

    /// <summary>Bumped by every change; a save names the version it edited, so two clerks cannot overwrite each other.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>The first submission: lateness is judged by it, so a return and a resubmission never make it late.</summary>
    public DateTime? FirstSubmittedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }

    /// <summary>The office's comment when it returned the submission; kept after a resubmission, for the record.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>An accepted report the office shows on the city's public page (its highlights only).</summary>
    public bool IsPublic { get; set; }

    public List<SubmissionVersion> Versions { get; set; } = [];
}

/// <summary>A snapshot of a submission after a save or a step, with who took it and the office's comment.</summary>
public class SubmissionVersion
{
    public long Id { get; set; }
    public int CitySubmissionId { get; set; }
    public int Number { get; set; }

    /// <summary><c>save</c>, <c>submit</c>, <c>return</c> or <c>accept</c>.</summary>
    public required string Step { get; set; }
    public SubmissionState State { get; set; }
    public required string Title { get; set; }
    public required string Data { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public string? Comment { get; set; }
}
