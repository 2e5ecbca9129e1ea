namespace PatentWeek.Cms.Data.Campaign;

/// <summary>What a city owes the office in an edition: the activity plan (活动方案) and the summary report (总结报告).</summary>
public enum SubmissionKind
{
    Plan,
    Report,
}

/// <summary>
/// Where a city's plan or report stands. "Missing" is not a state: it is the absence of a row, so a city that never
/// opened its plan has nothing stored and still shows as owing it.
/// </summary>
public enum SubmissionState
{
    Draft,
    Submitted,
    Returned,
    Accepted,
}
