using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Admin;

/// <summary>Common ground of the admin pages: who is acting, and refused steps shown as messages, not errors.</summary>
public abstract class AdminPage : PageModel
{
    public Actor Actor => Actor.From(User);

    /// <summary>Whether to offer 新建: the workflow's own rule, so the button and the refusal never disagree.</summary>
    public bool CanCreate => ContentPermissions.CanCreate(Actor);

    /// <summary>Whether the actor publishes, and so has a 待发布 queue.</summary>
    public bool CanPublish => ContentPermissions.CanPublish(Actor);

    /// <summary>
    /// Runs a workflow step or media change. Any refusal (<see cref="RefusedException"/>) becomes a message on the page in
    /// Chinese (field errors next to their fields, a blocked word next to the field that holds it); an item another
    /// city owns, or that does not exist, is a plain 404. The one mapping of refusals for the admin, as
    /// <see cref="WorkflowExceptionFilter"/> is for the APIs.
    /// </summary>
    protected async Task<IActionResult> StepAsync(Func<Task<IActionResult>> step, Func<Task<IActionResult>> onRefused)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(onRefused);
        try
        {
            return await step();
        }
        catch (RefusedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        catch (RequestValidationException e)
        {
            // The English messages are the API's; the page shows each field's Chinese once.
            foreach (var field in e.Errors.Keys)
            {
                // The forms' model validator may have said the same about this field already; the service's words,
                // which name the field, replace it rather than repeat it.
                var key = FieldName(field);
                if (ModelState.TryGetValue(key, out var entry))
                    entry.Errors.Clear();
                ModelState.AddModelError(key, e.TextOf(field));
            }

            return await onRefused();
        }
        catch (RefusedException e)
        {
            ModelState.AddModelError("", e.Text);
            var extensions = e.ProblemExtensions;
            if (extensions.TryGetValue("hits", out var hits) && hits is IReadOnlyList<WordHit> list)
            {
                ViewData["Hits"] = list;
                foreach (var field in list.Where(h => h.Level == "block").GroupBy(h => h.Field))
                    ModelState.AddModelError(FieldName(field.Key), $"{RefusalFallback.FieldName(field.Key)}中有禁用词：{string.Join("、", field.Select(h => h.Word).Distinct())}");
            }

            if (extensions.TryGetValue("current", out var current))
                ViewData["Current"] = current;
            return await onRefused();
        }
    }

    /// <summary>The form field a request field belongs to (the editor's inputs are <c>Form.Title</c> etc.).</summary>
    protected virtual string FieldName(string requestField) => requestField;
}
