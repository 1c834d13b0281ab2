using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BlueLamp.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBlueLampDb>
{
    public SqliteBlueLampDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBlueLampDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBlueLampDb>
{
    public PostgresBlueLampDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBlueLampDb>().UseNpgsql("Host=localhost;Database=bluelamp_design").Options);
}
