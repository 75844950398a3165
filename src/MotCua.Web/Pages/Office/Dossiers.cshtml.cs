using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Pages.Office;

/// <summary>The office queues (docs/domain/dossier-handling.md#queues): the same list handler as GET /api/dossiers, one page at a time.</summary>
[Authorize]
public sealed class OfficeDossiersModel(ListDossiersHandler list) : OfficerPageModel
{
    public const int PageSize = 20;

    public static readonly IReadOnlyList<DossierQueue> Queues =
    [
        DossierQueue.NewOnline, DossierQueue.ToProcess, DossierQueue.Mine, DossierQueue.DueSoon, DossierQueue.Overdue,
        DossierQueue.AwaitingSupplement, DossierQueue.ReadyToReturn, DossierQueue.All,
    ];

    [BindProperty(SupportsGet = true, Name = "queue")] public string? QueueName { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is Razor Pages' own route value, so the office pages by "trang" like the portal.
    [BindProperty(SupportsGet = true, Name = "trang")] public string? PageNumber { get; set; }

    public DossierQueue Queue { get; private set; }
    public int? Status { get; private set; }
    public IReadOnlyDictionary<DossierQueue, int> Counts { get; private set; } = new Dictionary<DossierQueue, int>();
    public PagedList<DossierListItem>? Result { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var parse = new QueryParsing();
        Queue = parse.Enum<DossierQueue>(QueueName, "queue") ?? DefaultQueue(Actor);
        Status = string.IsNullOrWhiteSpace(StatusFilter) ? null : parse.RequiredInt(StatusFilter, "status", 1, 10);
        var page = parse.Int(PageNumber, "trang", 1, 1, ListDossiersHandler.MaxPage(PageSize));
        // Every tab counted in one statement by the same queue queries as the lists, so a tab never disagrees with its list.
        Counts = await list.CountsAsync(Actor, ct);
        if (!parse.Ok)
        {
            Errors = parse.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var text = Q?.Trim();
        if (text is { Length: > 100 })
            text = text[..100];
        Result = await list.HandleAsync(Actor, (DossierStatus?)Status, Queue, text, page, PageSize, ct);
    }

    /// <summary>Where an officer starts: reception on what came in online, the agency on what it must process.</summary>
    public static DossierQueue DefaultQueue(DossierActor actor) =>
        actor.Can(Permissions.DossierReceive) ? DossierQueue.NewOnline
        : actor.Can(Permissions.DossierProcess) || actor.Can(Permissions.DossierAssign) || actor.Can(Permissions.DossierApprove) ? DossierQueue.ToProcess
        : DossierQueue.All;

    public string Link(DossierQueue? queue = null, int? page = null, bool keepFilters = true) => "/office/ho-so" + QueryString.Create(new Dictionary<string, string?>
    {
        ["queue"] = (queue ?? Queue).ToString(),
        ["status"] = keepFilters ? Status?.ToString(CultureInfo.InvariantCulture) : null,
        ["q"] = keepFilters ? Q : null,
        ["trang"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
