using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CmsDbContext>
{
    public CmsDbContext CreateDbContext(string[] args)
    {
        var db = new DbContextOptionsBuilder<CmsDbContext>();
        db.UseNpgsql("Host=localhost;Database=design_time", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name));
        return new CmsDbContext(db.Options);
    }
}
