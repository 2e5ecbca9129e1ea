using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using PatentWeek.Cms.WeChat;
using PatentWeek.WeChat.Push;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// The CPU work of the WeChat connector, one operation at a time: building an article's WeChat rendition, and
/// a secure push from its signed, encrypted body to the signed, encrypted news reply (the callback minus its
/// database queries).
/// </summary>
[MemoryDiagnoser]
public class WeChatBenchmarks
{
    private const string AppId = "wx5f2c8e1a9b3d7c60";
    private const string Token = "PatentWeekBench2026";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly WeChatArticleBuilder _builder = new();
    private WeChatSource _source = null!;
    private string _stylesheet = "";
    private PushRun _quiet = null!;
    private PushRun _busy = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _stylesheet = await File.ReadAllTextAsync(Repo.File("themes", "default", "wechat.css"));
        _source = new WeChatSource(
            "湖北省各市州同步启动2026年知识产权宣传周系列活动", "湖北17市州同步启动知识产权宣传周", "全省各市州同步开展专利转化对接、企业培训和普及宣传活动。",
            SampleStory.Html(), IsVideo: false, new Uri("https://patentweek.example.cn/13/news/launch"), "湖北省知识产权局");
        var article = await BuildArticle();
        var pictures = article.Content.Split("mmbiz.qpic.cn").Length - 1;
        if (pictures != SampleStory.Pictures || !article.Content.Contains($"[{SampleStory.Links}]", StringComparison.Ordinal))
            throw new InvalidOperationException($"The sample article kept {pictures} pictures; expected {SampleStory.Pictures} and {SampleStory.Links} footnotes.");
        Console.WriteLine(FormattableString.Invariant(
            $"// WeChat article: {SampleStory.ChineseCharacters(_source.Html)} Chinese characters, {_source.Html.Length} characters of HTML in; ")
            + FormattableString.Invariant($"{article.Content.Length} characters out; problems: {article.Problems.Count}"));

        _quiet = PushRun.Start(pushesPerSecond: 1);
        _busy = PushRun.Start(pushesPerSecond: 20);
    }

    [GlobalCleanup]
    [SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls its setup and cleanup on the instance.")]
    public void Cleanup() => Console.WriteLine(PeakRss.Marker + PeakRss.KiloBytes().ToString(CultureInfo.InvariantCulture));

    /// <summary>The preview and the send both do this: sanitise, swap pictures, footnote links, inline wechat.css.</summary>
    [Benchmark]
    public Task<WeChatArticle> BuildArticle() =>
        _builder.BuildAsync(_source, _stylesheet, _ => Task.FromResult<string?>("http://mmbiz.qpic.cn/mmbiz_jpg/x/0"));

    /// <summary>A quiet account (1 push/s): the receiver remembers the last 10 minutes' nonces, about 600.</summary>
    [Benchmark]
    public string SecurePushRoundTrip() => _quiet.Next();

    /// <summary>A busy account (20 pushes/s): about 12,000 remembered nonces, which every push walks to expire old ones.</summary>
    [Benchmark]
    public string SecurePushRoundTripBusy() => _busy.Next();

    /// <summary>
    /// One account's receiver on a clock that moves 1/rate seconds per push, so the replay memory holds what it
    /// would at that rate (nonces are forgotten after twice the 300 s window) however many pushes the run makes.
    /// </summary>
    private sealed class PushRun
    {
        private const string Follower = "oBench0000000000000000000001";
        private readonly ManualClock _clock = new(DateTimeOffset.UnixEpoch.AddSeconds(1_780_000_000));
        private readonly TimeSpan _step;
        private readonly WeChatPushReceiver _receiver;
        private readonly string _body;
        private readonly string _encrypted;
        private readonly IReadOnlyList<NewsReplyArticle> _articles;
        private long _nonce;

        private PushRun(int pushesPerSecond)
        {
            _step = TimeSpan.FromSeconds(1.0 / pushesPerSecond);
            var crypt = new WeChatMessageCrypt(AesKey, AppId);
            _receiver = new WeChatPushReceiver(Token, crypt, _clock);
            var message = $"<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>" +
                          "<CreateTime>1780000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[武汉]]></Content>" +
                          "<MsgId>24500000000000001</MsgId></xml>";
            _encrypted = crypt.Encrypt(message);
            _body = $"<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Encrypt><![CDATA[{_encrypted}]]></Encrypt></xml>";
            _articles = [.. Enumerable.Range(1, 5).Select(i => new NewsReplyArticle(
                $"武汉市知识产权宣传周活动（{i}）：专利转化运用对接会在光谷举行", "来自高校和企业的两百余名代表参加对接，现场达成多项合作意向。",
                $"https://patentweek.example.cn/media/i/00{i}/card-900x383.webp", $"https://patentweek.example.cn/13/news/wuhan-{i}"))];
        }

        /// <summary>A run already at its steady state: as many pushes made as the replay memory holds.</summary>
        public static PushRun Start(int pushesPerSecond)
        {
            var run = new PushRun(pushesPerSecond);
            for (var i = 0; i < pushesPerSecond * 600; i++)
                run.Next();
            return run;
        }

        /// <summary>
        /// One push: WeChat's side signs it (two SHA-1s, the only work here that is not the callback's), then
        /// Read (signature, time, nonce, XML, msg_signature, AES, XML), the 5-article news reply, and Reply (AES, SHA-1, XML).
        /// </summary>
        public string Next()
        {
            var now = _clock.Advance(_step);
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = (++_nonce).ToString(CultureInfo.InvariantCulture);
            var query = new PushQuery(
                WeChatSignature.Compute(Token, timestamp, nonce), timestamp, nonce, EncryptType: "aes",
                MsgSignature: WeChatSignature.Compute(Token, timestamp, nonce, _encrypted));
            var message = _receiver.Read(query, _body);
            return _receiver.Reply(PushReplies.News(message, _articles, now), secure: true);
        }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public DateTimeOffset Advance(TimeSpan step) => _now += step;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
