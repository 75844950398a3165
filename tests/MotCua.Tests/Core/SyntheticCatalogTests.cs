using MotCua.Core.Catalog;
using MotCua.Web.Features.DemoData;

namespace MotCua.Tests.Core;

public class SyntheticCatalogTests
{
    [Fact]
    public async Task Generate_TwoThousand_ValidUniqueDeterministicAndMostlyProvinceLevel()
    {
        var template = await DemoDataSeeder.LoadCatalogAsync(CancellationToken.None);
        var a = SyntheticCatalog.Generate(template, 2000, seed: 7);
        var b = SyntheticCatalog.Generate(template, 2000, seed: 7);

        Assert.Equal(2000, a.Procedures.Count);
        Assert.Equal(2000, a.Procedures.Select(p => p.Code).Distinct().Count());
        Assert.Equal(a.Procedures.Select(p => p.Name), b.Procedures.Select(p => p.Name));
        Assert.All(a.Procedures, p => Assert.Empty(ProcedureDefinitionRules.Validate(p)));
        var communeShare = a.Procedures.Count(p => p.Levels.Contains(ImplementingLevel.Commune)) / 2000.0;
        Assert.InRange(communeShare, 0.05, 0.2);
    }

    [Fact]
    public async Task DemoCatalogue_IsValidRealAndBroad()
    {
        var catalog = await DemoDataSeeder.LoadCatalogAsync(CancellationToken.None);
        Assert.True(catalog.Procedures.Count >= 40);
        Assert.True(catalog.Procedures.Select(p => p.SectorCode).Distinct().Count() >= 8);
        Assert.All(catalog.Procedures, p => Assert.Empty(ProcedureDefinitionRules.Validate(p)));
        Assert.Contains(catalog.Procedures, p => p.Code == "1.001612" && p.Name == "Đăng ký thành lập hộ kinh doanh");
        Assert.Contains(catalog.Procedures, p => p.Levels.Contains(ImplementingLevel.Province));
        Assert.Contains(catalog.Procedures, p => p.Levels.Contains(ImplementingLevel.Commune));
    }
}
