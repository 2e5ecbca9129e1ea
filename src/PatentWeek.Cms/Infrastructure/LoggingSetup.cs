namespace PatentWeek.Cms.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// In the production mode the console log is JSON, a line per entry with its scopes, so journald or a log shipper
    /// reads fields rather than prose: each line of a request carries the request id and trace id ASP.NET Core puts in
    /// scope. Messages name ids and kinds, never a password, token, secret or a person's address (the log messages
    /// are written that way; the request log of ASP.NET Core stays at Warning). The embedded mode keeps the readable
    /// lines a person trying the product reads.
    /// </summary>
    public static WebApplicationBuilder AddCmsLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetValue<CmsMode>($"{CmsOptions.Section}:{nameof(CmsOptions.Mode)}") == CmsMode.Production)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }
}
