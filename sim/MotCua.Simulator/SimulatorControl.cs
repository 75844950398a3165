namespace MotCua.Simulator;

/// <summary>
/// The control routes under <c>/_sim</c>: what each system received, set or clear a fault or a flag, reset.
/// They exist only in the simulator; a real system has none of them.
/// </summary>
internal static class SimulatorControl
{
    public static void MapSimulatorControl(this WebApplication app)
    {
        app.MapGet("/_sim/requests", (SimulatorState state, string? system) =>
            Results.Json(state.Requests(system)));
        app.MapPost("/_sim/faults/{system}/{mode}", (SimulatorState state, string system, string mode) =>
        {
            if (!Enum.TryParse<FaultMode>(mode, ignoreCase: true, out var fault))
                return Results.BadRequest($"Unknown fault '{mode}'. Known: {string.Join(", ", Enum.GetNames<FaultMode>())}.");
            state.SetFault(system, fault);
            return Results.NoContent();
        });
        app.MapPost("/_sim/flags/{name}", (SimulatorState state, string name, string? value) =>
        {
            state.SetFlag(name, value);
            return Results.NoContent();
        });
        app.MapPost("/_sim/reset", (SimulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
    }
}
