using PatentWeek.Cms.Content.Types;

namespace PatentWeek.Cms.Pages.Admin.Content;

/// <summary>
/// What <c>_TextField.cshtml</c> shows: a declared field, the form's value, whether the media picker belongs to it,
/// and on a new item the kinds that have it (the script hides it for the others).
/// </summary>
public sealed record TextFieldInput(TextField Field, EditorForm Form, bool Picker = false, string? Kinds = null);
