namespace AssetManager.WebApi.CommandLine;

/// <summary>
/// <c>dotnet AssetManager.WebApi.dll migrate</c>: brings the database up to date and exits without serving, for teams
/// that migrate in their deploy step and start the instances with <c>Database:MigrateAtStart=false</c>.
/// </summary>
public static class MigrateVerb
{
    public const string Verb = "migrate";

    public static bool IsGiven(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>Runs <paramref name="migrate"/>; 0 when done, else 1 with one line on standard error saying why.</summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task> migrate)
    {
        try
        {
            await migrate(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine("The database could not be migrated: " + string.Join(" ", Messages(ex)));
            return 1;
        }
        Console.WriteLine("The database is migrated.");
        return 0;
    }

    private static IEnumerable<string> Messages(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException) yield return ex.Message;
    }
}
