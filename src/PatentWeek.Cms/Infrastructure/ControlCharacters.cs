using System.Reflection;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// The one rule for text people send: no control characters except tab, carriage return and line feed. A NUL or an
/// escape in a title breaks exports, WeChat and terminals, and is never typed on purpose. It is enforced where text
/// is written (the workflow, the media library and uploader, the word list: <see cref="Ensure"/>), so no page or
/// endpoint can forget it; <see cref="PlainTextJson"/> refuses it early on JSON bodies, naming the field, and the
/// admin forms' model validator shows it before a step runs. All of them ask this class.
/// </summary>
public static class ControlCharacters
{
    public const string Code = "control-character";

    /// <summary>The index of the first refused character, or -1.</summary>
    public static int Find(string? text)
    {
        if (text is null)
            return -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i]))
                return i;
        }

        return -1;
    }

    public static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

    public const string Chinese = "不能包含控制字符（制表符和换行除外），请删去后再保存。";

    public static string English(string text, int index) =>
        $"contains the control character 0x{(int)text[index]:X2} at position {index}; only tab, CR and LF are allowed ({Code}).";

    /// <summary>Refuses (400, naming <paramref name="field"/>) text with a control character; nothing is written.</summary>
    public static void Ensure(string field, string? text)
    {
        var index = Find(text);
        if (index >= 0)
            throw RequestValidationException.Field(field, Refusals.ControlCharacter(field, text!, index));
    }

    /// <summary>
    /// The refusal of each string member (or string in a list member) of a request record that breaks the rule, by its
    /// JSON name: a new request field is covered without anyone remembering to.
    /// </summary>
    public static IEnumerable<(string Field, Refusal Refusal)> RefusalsOf(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
                continue;
            var texts = property.GetValue(request) switch
            {
                string s => [s],
                IEnumerable<string?> list => list,
                _ => [],
            };
            var field = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            foreach (var text in texts)
            {
                var index = Find(text);
                if (index >= 0)
                {
                    yield return (field, Refusals.ControlCharacter(field, text!, index));
                    break;
                }
            }
        }

        // The declared text fields a request carries in its field map.
        if (request is IHasTextFields carrier)
        {
            foreach (var field in TextFields.All)
            {
                var text = carrier.Texts[field];
                var index = Find(text);
                if (index >= 0)
                    yield return (field.Name, Refusals.ControlCharacter(field.Name, text!, index));
            }
        }
    }
}
