using PatentWeek.Cms.Content.Types;

namespace PatentWeek.Cms.Campaign.Forms;

/// <summary>Where a city publicises its week (notice, part 五(三)): stable codes, Chinese labels here only.</summary>
public static class PublicityChannels
{
    public static readonly IReadOnlyList<FieldChoice> All =
    [
        new("site", "官方网站"),
        new("wechat", "微信公众号"),
        new("mini-program", "小程序"),
        new("weibo", "微博"),
        new("press", "报刊"),
        new("tv", "电视"),
        new("radio", "广播"),
        new("outdoor", "户外"),
        new("other", "其他"),
    ];
}
