namespace PatentWeek.Cms.Data.Workflow;

/// <summary>One audited event: who did what to what, when and from where. Rows are only ever added.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The acting user's e-mail, or <c>system</c> for jobs.</summary>
    public required string Actor { get; set; }

    /// <summary>English action name, e.g. <c>publish</c>, <c>signin.failed</c>, <c>user.add</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. <c>content/12</c> or <c>user/wuhan@example.cn</c>.</summary>
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
