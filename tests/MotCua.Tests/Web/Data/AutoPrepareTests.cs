using MotCua.Web.Data;
using Npgsql;

namespace MotCua.Tests.Web.Data;

/// <summary>PostgreSQL connections prepare repeated statements on the server unless the operator said otherwise.</summary>
public class AutoPrepareTests
{
    [Fact]
    public void ConnectionString_WithoutTheSetting_GetsAutoPrepare()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Username=motcua;Database=motcua"));
        Assert.Equal(DatabaseSetup.AutoPreparedStatements, tuned.MaxAutoPrepare);
        Assert.Equal("db", tuned.Host);
    }

    [Fact]
    public void ConnectionString_WithAnExplicitSetting_KeepsIt()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Max Auto Prepare=7"));
        Assert.Equal(7, tuned.MaxAutoPrepare);
    }
}
