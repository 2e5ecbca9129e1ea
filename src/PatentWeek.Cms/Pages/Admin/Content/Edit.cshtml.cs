using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Pages.Admin.Content;

public sealed class EditModel(CmsDbContext db, WorkflowService workflow, MarkdownRenderer markdown) : ItemPage(db)
{
    [BindProperty]
    public EditorForm Form { get; set; } = new();

    public int? Id { get; private set; }
    public bool IsWorkingCopy { get; private set; }
    public string? CityName { get; private set; }
    public string PreviewHtml { get; private set; } = "";
    public List<SelectListItem> KindOptions { get; private set; } = [];
    public List<SelectListItem> CityOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, string? kind)
    {
        if (id is { } existing)
        {
            var item = await workflow.LoadAsync(existing);
            Form = EditorForm.From(WorkflowService.Editable(item), item.Version);
            IsWorkingCopy = item.State == ContentState.Published;
        }
        else
        {
            // Someone who may not create (a reviewer) is refused here, not after filling in the whole form.
            var kinds = ContentPermissions.CreatableKinds(Actor);
            if (kinds.Count == 0)
                return Forbid();
            Form = new EditorForm { Kind = ContentKinds.TryParseKind(kind, out var asked) && kinds.Contains(asked) ? kind : kinds[0].ToName(), City = Actor.CityCode };
        }

        Id = id;
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        if (Actor.IsCityBound)
            Form.City = Actor.CityCode;
        Form.CheckLimits(ModelState, nameof(Form));
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync();
            return Page();
        }

        return await StepAsync(
            async () =>
            {
                var item = id is { } existing
                    ? await workflow.UpdateAsync(Actor, existing, Form.ToRequest(), Form.Version)
                    : await workflow.CreateAsync(Actor, Form.ToRequest());
                TempData["Message"] = "已保存。";
                return LocalRedirect($"~/admin/content/{item.Id}");
            },
            async () =>
            {
                if (ViewData["Current"] is ContentFields && id is { } existing)
                    Form.Version = (await Db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == existing)).Version;
                await LoadOptionsAsync();
                return Page();
            });
    }

    protected override string FieldName(string requestField) =>
        requestField.Length == 0 ? ""
        : TextFields.Find(requestField) is { } field ? FormName(field)
        : "Form." + char.ToUpperInvariant(requestField[0]) + requestField[1..];

    /// <summary>The posted name of a declared text field's input (and the key of its messages).</summary>
    public static string FormName(TextField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return $"{nameof(Form)}.{nameof(EditorForm.Texts)}[{field.Name}]";
    }

    /// <summary>
    /// The declared text fields that stand in one place of the form: the item's kind's, or on a new item every kind's,
    /// each marked with the kinds that have it (<see cref="KindsOf"/>), since the kind can still change there and the
    /// admin script shows only the chosen kind's (without script every field shows; the save keeps only the kind's).
    /// </summary>
    public IEnumerable<TextField> FieldsIn(string group) =>
        (Id is null || !ContentKinds.TryParseKind(Form.Kind, out var kind) ? TextFields.All : ContentTypes.Of(kind).Fields).Where(f => f.FormGroup == group);

    /// <summary>The kinds a field belongs to, as the new-item form marks it for the script (<c>data-kinds</c>); none on an existing item.</summary>
    public string? KindsOf(TextField field) =>
        Id is null ? string.Join(' ', ContentTypes.All.Where(t => t.Fields.Contains(field)).Select(t => t.Name)) : null;

    private async Task LoadOptionsAsync()
    {
        KindOptions = ContentPermissions.CreatableKinds(Actor).Select(k => new SelectListItem(Labels.Of(k), k.ToName(), k.ToName() == Form.Kind)).ToList();
        var cities = await Db.Cities.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync();
        CityOptions = cities.Select(c => new SelectListItem(c.Name, c.Code, c.Code == Form.City)).ToList();
        CityName = cities.FirstOrDefault(c => c.Code == Actor.CityCode)?.Name;
        PreviewHtml = markdown.ToHtml(Form.Body ?? "");
        if (Id is { } existing)
            IsWorkingCopy = await Db.ContentItems.AnyAsync(i => i.Id == existing && i.State == ContentState.Published);
    }
}
