using Microsoft.Extensions.DependencyInjection;
using PatentWeek.WeChat.Api;
using PatentWeek.WeChat.Emulator;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>PUBLISHJOBFINISH as the emulator delivers it: signed and encrypted, retried, lost or doubled on demand.</summary>
public sealed class PublishPushTests
{
    private const string Token = "push-token";
    private const string Key = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_secure_push_reports_the_article_url_and_the_client_opens_it()
    {
        var (wx, sink) = await StartAsync(secure: true);
        await using var _ = wx;
        await using var __ = sink;
        var publishId = await PublishAsync(wx);

        var push = await NextAsync(sink);
        var info = push.Xml.Element("PublishEventInfo")!;
        Assert.Equal(("event", "PUBLISHJOBFINISH", publishId, "0"), (push.MsgType, push.Event, info.Element("publish_id")!.Value, info.Element("publish_status")!.Value));
        var url = info.Element("article_detail")!.Element("item")!.Element("article_url")!.Value;
        Assert.Equal((await wx.Drafts.GetPublishAsync(publishId, Ct)).Articles[0].ArticleUrl, url);
        Assert.Empty(sink.Refused);
    }

    [Fact]
    public async Task A_failed_answer_is_tried_again_only_5_s_after_the_attempt_began()
    {
        var (wx, sink) = await StartAsync(secure: false);
        await using var _ = wx;
        await using var __ = sink;
        sink.Script.Enqueue(500);
        await PublishAsync(wx);
        var first = await NextAsync(sink);

        // The pusher polls every 200 ms in real time; with the emulator's clock standing still, no retry goes out.
        await Task.Delay(1000, Ct);
        Assert.Empty(sink.Received);
        wx.Clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(1000, Ct);
        Assert.Empty(sink.Received);

        wx.Clock.Advance(TimeSpan.FromSeconds(0.1));
        var second = await NextAsync(sink); // the 500 made the emulator try again, 5 s after the first try began
        Assert.Equal(("PUBLISHJOBFINISH", first.DeliveryKey), (second.Event, second.DeliveryKey));
    }

    [Fact]
    public async Task Three_failed_attempts_end_the_deliveries()
    {
        var (wx, sink) = await StartAsync(secure: false);
        await using var _ = wx;
        await using var __ = sink;
        foreach (var status in new[] { 500, 500, 500 })
            sink.Script.Enqueue(status);
        await PublishAsync(wx);
        for (var i = 0; i < PublishPusher.Attempts; i++)
        {
            await NextAsync(sink);
            wx.Clock.Advance(PublishPusher.ReplyTimeout);
        }

        await Task.Delay(1000, Ct);
        Assert.Empty(sink.Received); // no fourth attempt
    }

    [Fact]
    public async Task Pushes_can_be_lost_or_doubled_and_polling_still_tells_the_result()
    {
        var (wx, sink) = await StartAsync(secure: false);
        await using var _ = wx;
        await using var __ = sink;
        var faults = wx.Emulator.GetRequiredService<EmulatorFaults>();

        faults.LoseNextPushes(1);
        var lost = await PublishAsync(wx);
        await Task.Delay(1000, Ct);
        Assert.Empty(sink.Received);
        Assert.Equal(PublishStatus.Succeeded, (await wx.Drafts.GetPublishAsync(lost, Ct)).Status);

        faults.DuplicateNextPushes(1);
        await PublishAsync(wx);
        var first = await NextAsync(sink);
        var again = await NextAsync(sink);
        Assert.Equal(first.DeliveryKey, again.DeliveryKey);
    }

    private static async Task<(EmulatorHost, PushSink)> StartAsync(bool secure)
    {
        var sink = await PushSink.StartAsync(Token, secure ? Key : null, EmulatorHost.AppId, TimeProvider.System);
        var wx = await EmulatorHost.StartAsync(o =>
        {
            o.Token = Token;
            o.EncodingAesKey = secure ? Key : null;
            o.CallbackUrl = sink.Url;
        });
        return (wx, sink);
    }

    /// <summary>Submits a one-article draft and lets the publish delay pass on the emulator's clock.</summary>
    private static async Task<string> PublishAsync(EmulatorHost wx)
    {
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "c.jpg", "image/jpeg", Ct);
        var draft = await wx.Drafts.AddAsync([new DraftArticle { Title = "推送", Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct);
        var publishId = await wx.Drafts.SubmitAsync(draft, Ct);
        wx.Clock.Advance(TimeSpan.FromSeconds(3));
        return publishId;
    }

    private static async Task<PatentWeek.WeChat.Push.PushMessage> NextAsync(PushSink sink)
    {
        for (var i = 0; i < 50; i++)
        {
            if (sink.Received.TryDequeue(out var message))
                return message;
            await Task.Delay(100, Ct);
        }

        throw new Xunit.Sdk.XunitException("No push arrived within 5 s." + string.Join("; ", sink.Refused));
    }
}
