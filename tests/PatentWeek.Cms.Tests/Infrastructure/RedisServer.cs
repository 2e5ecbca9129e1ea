using System.Diagnostics;
using System.Net.Sockets;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a loopback port, with nothing persisted, that a test can stop and start again on the
/// same port (an outage). Missing here, the tests that need it are skipped with the reason; CI installs it and sets
/// <c>CMS_TEST_REQUIRE_REDIS=1</c>, which turns a missing server into a failure.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    private static readonly string[] Places = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    public static string? Binary => Places.FirstOrDefault(File.Exists);

    /// <summary>Starts one, or skips the test when none is installed (fails in CI).</summary>
    public static async Task<RedisServer> StartAsync()
    {
        if (Binary is null)
        {
            if (Environment.GetEnvironmentVariable("CMS_TEST_REQUIRE_REDIS") == "1")
                throw new InvalidOperationException("CMS_TEST_REQUIRE_REDIS=1 but redis-server is not installed.");
            Assert.Skip("redis-server is not installed (apt-get install redis-server); CI runs these tests.");
        }

        var server = new RedisServer(ServerProcess.FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A port for a server not started yet (<see cref="StartAgainAsync"/> starts it): Redis late at start-up.</summary>
    public static RedisServer Reserve()
    {
        if (Binary is null)
        {
            if (Environment.GetEnvironmentVariable("CMS_TEST_REQUIRE_REDIS") == "1")
                throw new InvalidOperationException("CMS_TEST_REQUIRE_REDIS=1 but redis-server is not installed.");
            Assert.Skip("redis-server is not installed (apt-get install redis-server); CI runs these tests.");
        }

        return new RedisServer(ServerProcess.FreePort());
    }

    /// <summary>Starts the server (again) on its port and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Binary!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not start on port {Port}.");
    }

    /// <summary>SIGKILL: an outage, not a shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
