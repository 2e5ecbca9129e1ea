using PatentWeek.Cms.Data.Campaign;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// A task's title pattern, filled for one city: <c>{edition}</c> becomes the edition's number in Chinese (十三) and
/// <c>{city}</c> the city's name (武汉市), so a pattern copied to the next edition reads 第十四届 without an edit.
/// </summary>
public static class TitlePatterns
{
    public const string Edition = "{edition}";
    public const string City = "{city}";

    /// <summary>The notice's own titles (part 六).</summary>
    public static string Default(SubmissionKind kind) => kind switch
    {
        SubmissionKind.Plan => "第{edition}届中国专利周{city}活动方案",
        _ => "{city}第{edition}届中国专利周活动总结报告",
    };

    public static string Fill(string pattern, int edition, string cityName)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Replace(Edition, ChineseNumber(edition), StringComparison.Ordinal).Replace(City, cityName, StringComparison.Ordinal);
    }

    /// <summary>1–99 as written in a title: 一, 十, 十三, 二十, 二十一.</summary>
    public static string ChineseNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        const string digits = "〇一二三四五六七八九";
        var (tens, ones) = (number / 10, number % 10);
        var text = tens switch { 0 => "", 1 => "十", _ => $"{digits[tens]}十" };
        return ones == 0 ? text : text + digits[ones];
    }
}
