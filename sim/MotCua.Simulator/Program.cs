namespace MotCua.Simulator;

/// <summary>
/// The simulator of the external systems MotCua talks to (docs/integrations/simulator.md):
/// <c>dotnet run --project sim/MotCua.Simulator -- --urls http://127.0.0.1:5090</c>.
/// </summary>
public static class SimulatorProgram
{
    public static void Main(string[] args) => SimulatorApp.Build(args).Run();
}
