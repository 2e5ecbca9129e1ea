namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// The one rule for text people send: no control characters except tab, carriage return and line feed. A NUL or an
/// escape in a title breaks exports, WeChat and terminals, and is never typed on purpose. The API (through
/// <see cref="Validation"/>) and the admin forms (through a model validator) both ask this class.
/// </summary>
public static class ControlCharacters
{
    public const string Code = "control_character";

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

    public static string English(string text, int index) =>
        $"contains the control character 0x{(int)text[index]:X2} at position {index}; only tab, CR and LF are allowed ({Code}).";

    public const string Chinese = "不能包含控制字符（制表符和换行除外），请删去后再保存。";
}
