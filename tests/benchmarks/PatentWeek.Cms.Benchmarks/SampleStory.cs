using System.Globalization;
using System.Text;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// A long story as the CMS renders it from Markdown: about 6,000 Chinese characters in 20 paragraphs under 3 h2,
/// a table of the 17 cities, 6 library pictures (<c>/media/N</c>), 5 outside links, bold and italics. Made in code
/// so its shape is exact and the same on every run.
/// </summary>
internal static class SampleStory
{
    public const int Paragraphs = 20;
    public const int Pictures = 6;
    public const int Links = 5;

    public static readonly string[] Cities =
    [
        "武汉市", "黄石市", "十堰市", "宜昌市", "襄阳市", "鄂州市", "荆门市", "孝感市", "荆州市", "黄冈市", "咸宁市", "随州市",
        "恩施土家族苗族自治州", "仙桃市", "潜江市", "天门市", "神农架林区",
    ];

    private static readonly string[] Sentences =
    [
        "今年的全国知识产权宣传周以“加强知识产权保护，激发创新活力”为主题，全省各市州同步开展系列活动。",
        "活动期间，省知识产权局联合有关部门组织专利转化运用对接会、企业知识产权合规培训和高校成果路演。",
        "据统计，全省有效发明专利拥有量持续增长，每万人口高价值发明专利拥有量较上年明显提高。",
        "不少中小企业表示，通过专利导航和质押融资，技术成果第一次真正变成了可以流动的资产。",
        "在对接会现场，来自高校和科研院所的研究人员与企业代表面对面交流，当场达成多项合作意向。",
        "专家提醒，企业在产品上市前应当做好专利检索和风险排查，避免因侵权纠纷影响正常经营。",
        "知识产权保护中心为重点产业提供快速预审服务，发明专利授权周期大幅缩短，受到创新主体欢迎。",
        "各地还走进社区、学校和商圈，用展板、短视频和互动问答普及知识产权基本常识。",
        "一位参加培训的企业负责人说，过去只知道申请专利，现在才明白布局和运营同样重要。",
        "主办方介绍，后续将持续跟踪对接项目的落地情况，推动更多专利从实验室走向生产线。",
        "今年首次设立的线上专区汇集了政策解读、典型案例和服务机构名录，方便公众随时查阅。",
        "业内人士认为，知识产权工作正在从重数量向重质量转变，运用和保护的成效将成为新的衡量标准。",
    ];

    private static readonly (string Text, string Url)[] Outside =
    [
        ("国家知识产权局", "https://www.cnipa.gov.cn/"),
        ("中国知识产权报", "http://www.iprchn.com/"),
        ("湖北省知识产权局", "https://zscqj.hubei.gov.cn/"),
        ("专利检索及分析系统", "https://pss-system.cponline.cnipa.gov.cn/"),
        ("世界知识产权组织", "https://www.wipo.int/"),
    ];

    private static readonly string[] Headings = ["一、活动概况", "二、各市州活动安排", "三、成效与展望"];

    /// <summary>The story's HTML: headings before paragraphs 1, 8 and 15; a picture after every third paragraph; the table after the 10th.</summary>
    public static string Html()
    {
        var html = new StringBuilder();
        var links = 0;
        var pictures = 0;
        for (var p = 0; p < Paragraphs; p++)
        {
            if (p is 0 or 7 or 14)
                html.Append("<h2>").Append(Headings[p / 7]).Append("</h2>\n");
            html.Append("<p>");
            var length = 0;
            for (var s = p; length < 290; s++)
            {
                var sentence = Sentences[s % Sentences.Length];
                html.Append(s == p && p % 3 == 0 ? $"<strong>{sentence}</strong>" : s == p + 1 && p % 4 == 1 ? $"<em>{sentence}</em>" : sentence);
                length += sentence.Length;
            }

            if (p % 4 == 2 && links < Links)
            {
                var (text, url) = Outside[links++];
                html.Append("详情可查阅<a href=\"").Append(url).Append("\">").Append(text).Append("</a>网站。");
            }

            html.Append("</p>\n");
            if (p % 3 == 2 && pictures < Pictures)
            {
                pictures++;
                html.Append(CultureInfo.InvariantCulture, $"<p><img src=\"/media/{100 + pictures}\" alt=\"活动现场图片 {pictures}\"></p>\n");
            }

            if (p == 9)
                AppendTable(html);
        }

        return html.ToString();
    }

    /// <summary>Han characters in a text (tags and addresses are ASCII, so this counts the prose).</summary>
    public static int ChineseCharacters(string text) => text.Count(c => c is >= '\u4e00' and <= '\u9fff');

    private static void AppendTable(StringBuilder html)
    {
        html.Append("<table>\n<thead>\n<tr><th>市州</th><th>主要活动</th><th>场次</th><th>时间</th></tr>\n</thead>\n<tbody>\n");
        for (var i = 0; i < Cities.Length; i++)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Cities[i]}</td><td>专利转化对接会、知识产权进企业</td><td>{1 + i % 3}</td><td>4月{20 + i % 7}日</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
