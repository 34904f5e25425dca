using System.Diagnostics;
using AssetManager.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// A throw-away PostgreSQL cluster for the whole test run, as <c>moto_server</c> is for S3: <c>initdb</c> into a temporary
/// folder, <c>postgres</c> on a free 127.0.0.1 port with durability off, stopped and deleted when the test process exits.
/// Run as root (CI), it runs as <c>nobody</c>, since PostgreSQL refuses root. It shares nothing with a cluster that
/// Debian's package may have started: its own folder, port and socket directory. Each test class gets a database of its
/// own, copied from a template migrated once, so that a class costs a file copy rather than the migrations.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string User = "postgres";
    private const string FolderPrefix = "assetmanager-pg-";
    private const string Template = "assetmanager_template";

    private static readonly Lazy<PostgresServer> SharedServer = new(StartShared);
    private readonly Lock _gate = new();
    private bool _templateReady;

    private PostgresServer(string folder, string bin, int port)
    {
        Folder = folder;
        Bin = bin;
        Port = port;
    }

    /// <summary>The run's cluster, started on first use.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    public int Port { get; }

    /// <summary>The cluster's folder: its data directory, its log and its socket.</summary>
    public string Folder { get; }

    private string Bin { get; }

    private string DataDirectory => Path.Combine(Folder, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database }.ConnectionString;

    /// <summary>A new database, with the service's migrations applied (or empty); its name.</summary>
    public string CreateDatabase(bool migrated = true)
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..20];
        lock (_gate)
        {
            if (migrated && !_templateReady) MigrateTemplate();
            Execute(migrated ? $"CREATE DATABASE {name} TEMPLATE {Template}" : $"CREATE DATABASE {name}");
        }
        return name;
    }

    /// <summary>Drops the database, ending any connection still open to it.</summary>
    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Runs statements on the maintenance database.</summary>
    public void Execute(string sql, string database = "postgres")
    {
        using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs an SQL file with <c>psql</c>, as a team applying a script would; stops at the first error.</summary>
    public void RunScript(string database, string path) =>
        Run(null, Path.Combine(Bin, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(), "-U", User, "-d", database,
            "-v", "ON_ERROR_STOP=1", "-q", "-f", path);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            Run(Bin, "pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void MigrateTemplate()
    {
        Execute($"CREATE DATABASE {Template}");
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>()
            .UseNpgsql(ConnectionString(Template) + ";Pooling=false").Options;
        using (var context = new PostgreSqlAppDbContext(options)) context.Database.Migrate();
        _templateReady = true;
    }

    private static PostgresServer StartShared()
    {
        RemoveLeftovers();
        var server = Start();
        server.RemoveWhenThisProcessEnds();
        return server;
    }

    /// <summary>
    /// A watchdog in a session of its own that stops and deletes the cluster once this process has gone, however it
    /// went: the test host is given little time to exit and may be killed, so its own exit handlers cannot be relied on.
    /// </summary>
    private void RemoveWhenThisProcessEnds()
    {
        var stop = string.Join(' ', [.. AsUnprivileged(Path.Combine(Bin, "pg_ctl")), "-D", Quote(DataDirectory), "-m immediate -w stop"]);
        var script = $"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {Environment.ProcessId}; do sleep 1; done
            {stop}
            rm -rf {Quote(Folder)}
            """;
        var start = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var watchdog = Process.Start(start) ?? throw new InvalidOperationException("setsid did not start");
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''") + "'";

    private static PostgresServer Start()
    {
        var bin = FindBinaries();
        var folder = Path.Combine(TempRoot, FolderPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "owner"), Environment.ProcessId.ToString());
        var server = new PostgresServer(folder, bin, ServiceProcess.FreePort());
        try
        {
            if (RunsAsRoot) Run(null, "chown", Unprivileged, folder);
            Run(bin, "initdb", "-D", server.DataDirectory, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
                "--no-sync", "--no-instructions");
            var options = string.Join(' ',
                $"-p {server.Port}", "-c listen_addresses=127.0.0.1", $"-c unix_socket_directories={folder}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300");
            Run(bin, "pg_ctl", "-D", server.DataDirectory, "-l", Path.Combine(folder, "server.log"), "-o", options, "-t", "60", "-w", "start");
            return server;
        }
        catch (Exception ex)
        {
            var log = Path.Combine(folder, "server.log");
            var detail = File.Exists(log) ? "\n" + File.ReadAllText(log) : "";
            server.Dispose();
            throw new InvalidOperationException($"The test PostgreSQL cluster did not start: {ex.Message}{detail}", ex);
        }
    }

    /// <summary>Stops and deletes the clusters of earlier test runs whose process died without cleaning up.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(TempRoot, FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, "owner");
            if (!File.Exists(owner) && Directory.GetCreationTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-5)) continue; // being set up
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && Directory.Exists($"/proc/{pid}")) continue;
            new PostgresServer(folder, FindBinaries(), 0).Dispose();
        }
    }

    /// <summary>The newest PostgreSQL of Debian's packages (<c>/usr/lib/postgresql/N/bin</c>).</summary>
    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Where(d => int.TryParse(Path.GetFileName(d), out _) && File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.Parse(Path.GetFileName(d)))
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): the tests that prove the server " +
            "database need it. Install Debian's package (apt-get install postgresql); .ci/run does.");
    }

    private const string Unprivileged = "nobody";

    private static bool RunsAsRoot => Environment.UserName == "root";

    /// <summary>Where clusters go: /tmp as root (a TMPDIR of root's own may be closed to <c>nobody</c>), else the temporary folder.</summary>
    private static string TempRoot => RunsAsRoot ? "/tmp" : Path.GetTempPath();

    /// <summary>The command line that runs <paramref name="program"/> as <c>nobody</c> when we are root, else as is.</summary>
    private static string[] AsUnprivileged(string program) =>
        RunsAsRoot ? ["runuser", "-u", Unprivileged, "--", program] : [program];

    /// <summary>Runs a PostgreSQL program (as <c>nobody</c> when we are root) or a plain one, and waits for it.</summary>
    private static void Run(string? bin, string program, params string[] arguments)
    {
        string[] command = bin is null ? [program] : AsUnprivileged(Path.Combine(bin, program));
        var start = new ProcessStartInfo(command[0], [.. command[1..], .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = TempRoot;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 90 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {error.Result}{output.Result}");
    }
}
