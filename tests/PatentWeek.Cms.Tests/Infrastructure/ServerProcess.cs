using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>
/// A server of this solution (<c>PatentWeek.Cms.dll</c>, <c>PatentWeek.WeChat.Emulator.dll</c>) run as its own OS
/// process on a loopback port, for tests that must see what a person at the console sees or kill the process.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();

    private ServerProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>Everything the process wrote to standard output and error so far, a line each.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <param name="logLevel">The default log level; most tests need only warnings, a console test everything.</param>
    /// <param name="launcher">A command that runs <c>dotnet</c> and its arguments after its own (a private mount namespace).</param>
    public static ServerProcess Start(string dll, int port, IEnumerable<string> args, string logLevel = "Warning", IReadOnlyList<string>? launcher = null)
    {
        var start = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var arg in launcher.Skip(1).Append("dotnet"))
                start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        // A caller's own --urls (the site's port and a metrics port) is kept.
        var given = args.ToList();
        string[] urls = given.Contains("--urls") ? [] : ["--urls", $"http://127.0.0.1:{port}"];
        foreach (var arg in given.Concat(urls).Concat(["--Logging:LogLevel:Default", logLevel]))
            start.ArgumentList.Add(arg);
        var server = new ServerProcess(Process.Start(start)!);
        // Read the output as it comes, so a chatty process never blocks on a full pipe.
        server.Process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server.Process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server.Process.BeginOutputReadLine();
        server.Process.BeginErrorReadLine();
        return server;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }

    /// <summary>Waits until <paramref name="path"/> answers with a success status.</summary>
    public static async Task UpAsync(HttpClient http, string path) =>
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is not null)
            _lines.Enqueue(line);
    }
}
