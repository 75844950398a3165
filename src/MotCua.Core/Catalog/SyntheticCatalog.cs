namespace MotCua.Core.Catalog;

/// <summary>
/// Builds a large, realistic catalogue for tests and benchmarks (a province has about 2,000
/// procedures, docs/architecture.md#performance) from a real template catalogue: each synthetic procedure copies a real
/// one's structure with a varied name, another case mix and a code in the 9.xxxxxx range, which
/// the national database does not use, so it can never be taken for a real procedure.
/// Deterministic for a given seed.
/// </summary>
public static class SyntheticCatalog
{
    private static readonly string[] Subjects =
    [
        "đối với cá nhân", "đối với tổ chức", "cho doanh nghiệp nhỏ và vừa", "trong khu kinh tế cửa khẩu",
        "tại khu công nghiệp", "đối với hợp tác xã", "cho người có công", "đối với đồng bào dân tộc thiểu số",
        "trường hợp cấp lại", "trường hợp điều chỉnh", "trường hợp gia hạn", "có yếu tố nước ngoài",
    ];

    public static CatalogDocument Generate(CatalogDocument template, int count, int seed = 2026)
    {
        if (template.Procedures.Count == 0)
            throw new ArgumentException("The template catalogue has no procedure.", nameof(template));
        var random = new Random(seed);
        var procedures = new List<ProcedureDefinition>(count);
        procedures.AddRange(template.Procedures.Take(count));
        // Most of a province's ~2,000 procedures are province-level; commune-level ones are a
        // small share (about one in ten), so synthetic ones follow that mix.
        var communeLevel = template.Procedures.Where(p => p.Levels.Contains(ImplementingLevel.Commune)).ToArray();
        var provinceLevel = template.Procedures.Where(p => !p.Levels.Contains(ImplementingLevel.Commune)).ToArray();
        for (var i = procedures.Count; i < count; i++)
        {
            var pool = provinceLevel.Length == 0 || (communeLevel.Length > 0 && random.Next(10) == 0) ? communeLevel : provinceLevel;
            var source = pool[random.Next(pool.Length)];
            var subject = Subjects[random.Next(Subjects.Length)];
            procedures.Add(source with
            {
                Code = $"9.{i:000000}",
                CodeVerified = false,
                Name = $"{source.Name} {subject} (mẫu {i})",
                OnlineLevel = (OnlineLevel)random.Next(3),
                Cases = source.Cases.Select(c => c with
                {
                    TimeLimit = c.TimeLimit.Unit == Calendar.TimeLimitUnit.SameDay ? c.TimeLimit : c.TimeLimit with { Value = Math.Max(1, c.TimeLimit.Value + random.Next(-1, 4)) },
                }).ToArray(),
            });
        }
        return template with { Procedures = procedures };
    }
}
