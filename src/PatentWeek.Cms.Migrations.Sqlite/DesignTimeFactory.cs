using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CmsDbContext>
{
    public CmsDbContext CreateDbContext(string[] args)
    {
        var db = new DbContextOptionsBuilder<CmsDbContext>();
        db.UseSqlite("Data Source=design-time.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name));
        return new CmsDbContext(db.Options);
    }
}
