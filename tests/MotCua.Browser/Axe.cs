using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MotCua.Browser;

/// <summary>axe-core on the page as it is now, WCAG 2.1 level A and AA rules only; each violation as one readable line.</summary>
public static class Axe
{
    private static readonly AxeRunOptions Wcag21 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string label)
    {
        var result = await page.RunAxe(Wcag21);
        return result.Violations
            .Select(v => $"{label}: {v.Id} ({v.Impact}) {v.Help} — " + string.Join(" ; ", v.Nodes.Take(3).Select(n => $"{n.Target} {Shorten(n.Html)}"))
                + (v.Nodes.Length > 3 ? $" (+{v.Nodes.Length - 3} more)" : ""))
            .ToList();
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
