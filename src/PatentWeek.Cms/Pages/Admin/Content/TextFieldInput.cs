using PatentWeek.Cms.Content.Types;

namespace PatentWeek.Cms.Pages.Admin.Content;

/// <summary>What <c>_TextField.cshtml</c> shows: a declared field, the form's value, and whether the media picker belongs to it.</summary>
public sealed record TextFieldInput(TextField Field, EditorForm Form, bool Picker = false);
