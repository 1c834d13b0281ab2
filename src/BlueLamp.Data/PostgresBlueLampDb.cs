using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Data;

/// <summary>BlueLamp on a PostgreSQL server; owns the PostgreSQL migrations.</summary>
public sealed class PostgresBlueLampDb(DbContextOptions<PostgresBlueLampDb> options) : BlueLampDb(options);
