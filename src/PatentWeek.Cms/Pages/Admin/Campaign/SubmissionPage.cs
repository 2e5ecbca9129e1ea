using Microsoft.AspNetCore.Mvc;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Pages.Admin.Campaign;

/// <summary>
/// A city's plan or report in the admin. The city's contributors fill it in (保存草稿, 提交: a submit saves first, so a
/// refused submit never loses what was typed), the office returns it with a comment or accepts it; both see its status,
/// due time, the late flag, the comment and every version with what changed. Files come with the form and go to the
/// city's media library; the service decides everything else, as for the API.
/// </summary>
public abstract class SubmissionPage<TForm>(SubmissionService service, MediaUploader uploader, DeadlineExtensionService extensions) : AdminPage
    where TForm : ISubmissionForm<TForm>, new()
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public IFormFile? ScanFile { get; set; }

    [BindProperty]
    public IFormFile? DocumentFile { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public DateOnly? ExtendTo { get; set; }

    [BindProperty]
    public string? ExtendReason { get; set; }

    /// <summary>Editors and administrators give a city a later due day (an extension also clears a late flag it explains).</summary>
    public bool CanExtend => Workflow.ContentPermissions.CanPublish(Actor) && Slot.Status != SubmissionStatus.Accepted;

    public SubmissionSlot Slot { get; private set; } = null!;
    public FormContext Context { get; private set; } = null!;
    public IReadOnlyList<(SubmissionVersion Version, IReadOnlyList<FieldChange> Changes)> History { get; private set; } = [];
    public IReadOnlyDictionary<int, AttachedFile> Files { get; private set; } = new Dictionary<int, AttachedFile>();

    /// <summary>The city's contributor, while the state lets the city change it.</summary>
    public bool CanWrite => SubmissionPermissions.CanWrite(Actor, Slot) && SubmissionLifecycle.Next(Slot.Submission).Contains(SubmissionStep.Save);

    /// <summary>The office, while the submission waits for it.</summary>
    public bool CanReview => SubmissionPermissions.CanReview(Actor, Slot) && Slot.Status == SubmissionStatus.Submitted;

    protected abstract SubmissionKind Kind { get; }

    /// <summary>The form with the files just uploaded put in their places.</summary>
    protected abstract TForm Attach(TForm form, int? scan, int? document);

    /// <summary>Uploads the kind's own extra files (a report's evidence), returning the form that names them.</summary>
    protected virtual Task<TForm> AttachMoreAsync(TForm form, CancellationToken cancellationToken) => Task.FromResult(form);

    public async Task<IActionResult> OnGetAsync(int edition, string city, CancellationToken cancellationToken) =>
        await StepAsync(async () =>
        {
            await LoadAsync(edition, city, cancellationToken);
            Form = SubmissionService.FormOf<TForm>(Slot);
            Version = Slot.Submission?.Version;
            return Page();
        }, () => Task.FromResult<IActionResult>(NotFound()));

    public Task<IActionResult> OnPostSaveAsync(int edition, string city, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            await SaveAsync(edition, city, cancellationToken);
            TempData["Message"] = "已保存草稿。";
            return RedirectToPage(new { edition, city });
        }, () => ReloadAsync(edition, city, cancellationToken));

    public Task<IActionResult> OnPostSubmitAsync(int edition, string city, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            var saved = await SaveAsync(edition, city, cancellationToken);
            // Saved: whatever the submit says next, the form is kept, and the page carries the version it now has (the
            // posted value would otherwise win over the model's in the re-rendered field).
            Version = saved.Submission?.Version;
            ModelState.Remove(nameof(Version));
            var submitted = await service.SubmitAsync<TForm>(Actor, edition, city, Version, cancellationToken);
            TempData["Message"] = submitted.Late ? "已提交。提交时间晚于截止时间，已标记为逾期。" : "已提交，请等待省局审核。";
            return RedirectToPage(new { edition, city });
        }, () => ReloadAsync(edition, city, cancellationToken));

    public Task<IActionResult> OnPostReturnAsync(int edition, string city, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            await service.ReturnAsync(Actor, edition, Kind, city, Comment, cancellationToken);
            TempData["Message"] = "已退回，市州会看到退回意见。";
            return RedirectToPage(new { edition, city });
        }, () => ReviewReloadAsync(edition, city, cancellationToken));

    public Task<IActionResult> OnPostExtendAsync(int edition, string city, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            var granted = await extensions.ExtendAsync(Actor, edition, Kind, city, ExtendTo, ExtendReason, cancellationToken);
            TempData["Message"] = $"已将截止日延至 {granted.DueOn:yyyy年M月d日}。";
            return RedirectToPage(new { edition, city });
        }, () => ReviewReloadAsync(edition, city, cancellationToken));

    public Task<IActionResult> OnPostAcceptAsync(int edition, string city, CancellationToken cancellationToken) =>
        StepAsync(async () =>
        {
            await service.AcceptAsync(Actor, edition, Kind, city, cancellationToken);
            TempData["Message"] = "已通过。";
            return RedirectToPage(new { edition, city });
        }, () => ReviewReloadAsync(edition, city, cancellationToken));

    /// <summary>The admin's label of a field as the service names it (<c>events[0].date</c> → the input <c>Form.Events[0].Date</c>).</summary>
    protected override string FieldName(string requestField) => requestField switch
    {
        "comment" => nameof(Comment),
        "dueOn" => nameof(ExtendTo),
        "reason" => nameof(ExtendReason),
        _ => CampaignLabels.FieldKey(requestField),
    };

    /// <summary>A file's name for the page, or its id when the library no longer has it.</summary>
    public string FileName(int? id) => id is { } value ? Files.TryGetValue(value, out var f) ? f.OriginalName : $"#{value}" : "";

    /// <summary>The service, for the steps a kind's page adds (a report's 公开).</summary>
    protected SubmissionService Service => service;

    /// <summary>Now by the host's clock, for the countdowns.</summary>
    public DateTime Now => service.Now;

    private async Task<SubmissionSlot> SaveAsync(int edition, string city, CancellationToken cancellationToken)
    {
        // The slot first: a city that may not write here uploads nothing.
        var slot = await service.LoadAsync(Actor, edition, Kind, city, cancellationToken);
        SubmissionPermissions.EnsureCanWrite(Actor, slot);
        SubmissionLifecycle.Fire(slot.Submission, SubmissionStep.Save);
        var scan = ScanFile is { Length: > 0 } s ? await UploadAsync(s, cancellationToken) : (int?)null;
        var document = DocumentFile is { Length: > 0 } d ? await UploadAsync(d, cancellationToken) : (int?)null;
        Form = await AttachMoreAsync(Attach(Form, scan, document), cancellationToken);
        return await service.SaveAsync(Actor, edition, city, Version, Form, cancellationToken);
    }

    protected async Task<int> UploadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        var asset = await uploader.UploadFileAsync(stream, file.FileName, $"{Slot?.Title ?? "报送材料"}附件", Actor, cancellationToken);
        return asset.Id;
    }

    private async Task<IActionResult> ReloadAsync(int edition, string city, CancellationToken cancellationToken)
    {
        await LoadAsync(edition, city, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ReviewReloadAsync(int edition, string city, CancellationToken cancellationToken)
    {
        await LoadAsync(edition, city, cancellationToken);
        Form = SubmissionService.FormOf<TForm>(Slot);
        return Page();
    }

    private async Task LoadAsync(int edition, string city, CancellationToken cancellationToken)
    {
        Slot = await service.LoadAsync(Actor, edition, Kind, city, cancellationToken);
        var saved = SubmissionService.FormOf<TForm>(Slot);
        Context = await service.ContextAsync(Slot, saved.Files.Concat(Form.Files), cancellationToken);
        Files = Context.Files;
        History = await service.HistoryAsync(Slot, cancellationToken);
    }
}
