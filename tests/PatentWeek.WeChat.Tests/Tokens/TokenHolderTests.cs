using Microsoft.Extensions.Time.Testing;
using PatentWeek.WeChat.Tokens;

namespace PatentWeek.WeChat.Tests.Tokens;

/// <summary>
/// The holder's own rules, on a controlled clock: cache while fresh, refresh ahead of expiry, one fetch for many
/// callers, and the replacement after a rejection. (Against the HTTP API the holder is tested with the emulator.)
/// </summary>
public sealed class TokenHolderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_token_is_served_from_the_cache_and_refreshed_ten_minutes_before_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var source = new CountingSource(clock, TimeSpan.FromSeconds(7200));
        using var holder = new WeChatTokenHolder("wx-test", source, new MemoryWeChatTokenCache(), clock);

        Assert.Equal("t1", await holder.GetAsync(Ct));
        clock.Advance(TimeSpan.FromMinutes(109));
        Assert.Equal("t1", await holder.GetAsync(Ct));
        clock.Advance(TimeSpan.FromMinutes(2)); // 9 minutes left: inside the 10-minute margin
        Assert.Equal("t2", await holder.GetAsync(Ct));
        Assert.Equal(2, source.Fetches);
    }

    [Fact]
    public async Task Many_callers_at_once_cause_one_fetch()
    {
        var clock = new FakeTimeProvider();
        var source = new CountingSource(clock, TimeSpan.FromSeconds(7200), delay: TimeSpan.FromMilliseconds(50));
        using var holder = new WeChatTokenHolder("wx-test", source, new MemoryWeChatTokenCache(), clock);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => holder.GetAsync(Ct), Ct)));

        Assert.All(tokens, t => Assert.Equal("t1", t));
        Assert.Equal(1, source.Fetches);
    }

    [Fact]
    public async Task A_rejected_token_is_replaced_once_even_when_several_callers_saw_it_rejected()
    {
        var clock = new FakeTimeProvider();
        var source = new CountingSource(clock, TimeSpan.FromSeconds(7200));
        using var holder = new WeChatTokenHolder("wx-test", source, new MemoryWeChatTokenCache(), clock);
        var rejected = await holder.GetAsync(Ct);

        var replacements = await Task.WhenAll(holder.ReplaceAsync(rejected, Ct), holder.ReplaceAsync(rejected, Ct));

        Assert.All(replacements, t => Assert.Equal("t2", t));
        Assert.Equal(2, source.Fetches);
        Assert.Equal(0, source.ForcedFetches);
    }

    [Fact]
    public async Task Force_mode_is_used_only_when_normal_mode_returns_the_rejected_token()
    {
        var clock = new FakeTimeProvider();
        var source = new CountingSource(clock, TimeSpan.FromSeconds(7200)) { NormalModeRepeats = true };
        using var holder = new WeChatTokenHolder("wx-test", source, new MemoryWeChatTokenCache(), clock);
        var rejected = await holder.GetAsync(Ct);

        Assert.Equal("forced-1", await holder.ReplaceAsync(rejected, Ct));
        Assert.Equal(1, source.ForcedFetches);
    }

    [Theory]
    [InlineData(7200, 600)]
    [InlineData(3000, 300)]
    [InlineData(1000, 30)]
    [InlineData(300, 0)]
    public void The_refresh_margin_scales_with_the_lifetime(int lifetimeSeconds, int marginSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(marginSeconds), new AccessToken("t", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(lifetimeSeconds)).RefreshMargin);

    /// <summary>Issues t1, t2, … (or the same token again in normal mode, when told to); counts what it was asked.</summary>
    private sealed class CountingSource(TimeProvider clock, TimeSpan lifetime, TimeSpan delay = default) : IWeChatTokenSource
    {
        private int _fetches;
        private int _forced;

        public bool NormalModeRepeats { get; init; }
        public int Fetches => _fetches;
        public int ForcedFetches => _forced;

        public async Task<AccessToken> FetchAsync(bool force, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, cancellationToken);
            var n = Interlocked.Increment(ref _fetches);
            string value;
            if (force)
                value = $"forced-{Interlocked.Increment(ref _forced)}";
            else
                value = NormalModeRepeats ? "t1" : $"t{n}";
            return new AccessToken(value, clock.GetUtcNow() + lifetime, lifetime);
        }
    }
}
