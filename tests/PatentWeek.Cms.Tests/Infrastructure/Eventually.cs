namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>Waits for something the server does in the background (a scheduled job), polling until a deadline.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The condition did not hold within {within.TotalSeconds} s.");
    }
}
