namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>Files for uploads: WeChat's checks (and the emulator's) read only the first bytes.</summary>
internal static class TestFiles
{
    /// <summary>The smallest well-formed JPEG: SOI, a JFIF header, EOI.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];
}
