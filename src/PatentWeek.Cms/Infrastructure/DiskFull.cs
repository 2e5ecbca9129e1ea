namespace PatentWeek.Cms.Infrastructure;

/// <summary>Whether an I/O error means no space is left (or a quota is reached), as opposed to a disk that failed.</summary>
public static class DiskFull
{
    // On Linux the runtime puts the errno in HResult (ENOSPC 28, EDQUOT 122); on Windows it is the Win32 error in an
    // HRESULT (ERROR_DISK_FULL 112, ERROR_HANDLE_DISK_FULL 39).
    public static bool Is(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HResult is 28 or 122
            || ((exception.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000) && (exception.HResult & 0xFFFF) is 112 or 39);
    }
}
