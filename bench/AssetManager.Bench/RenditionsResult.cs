namespace AssetManager.Bench;

/// <summary>What the renditions phase measured.</summary>
public sealed class RenditionsResult(IReadOnlyList<MediaFile> files, int jobConcurrency)
{
    public IReadOnlyList<MediaFile> Files => files;
    public int JobConcurrency => jobConcurrency;
    public int ServicePid { get; set; }
    public List<ServiceRenditionsRun> Service { get; } = [];
    public List<CommandLineRun> CommandLine { get; } = [];
    public List<CommandLineRun> CommandLineWithDownload { get; } = [];
    public long PeakAfterWarmUp { get; set; }
    public long PeakAfterRenditions { get; set; }
    public long PeakAfterIdle { get; set; }
    public long PeakAfterBusy { get; set; }
    public UploadComparison? Idle { get; set; }
    public UploadComparison? Busy { get; set; }
    public BacklogRun? Backlog { get; set; }
}

/// <summary>
/// One service run, in seconds from the first upload's start: the first and the last 201, the last asset seen ready;
/// CPU over the whole run and from the last 201 on (the service's figure includes its ffmpeg runs); the largest VmRSS
/// seen while polling, and VmHWM at the last 201 and at the end.
/// </summary>
public sealed record ServiceRenditionsRun(
    int Run, double First201, double Last201, double LastReady, CpuSample WholeCpu, CpuSample AfterUploadsCpu, long MaxRss,
    long PeakAtLast201, long PeakAtLastReady)
{
    public double AfterLast201 => LastReady - Last201;
    public double AfterFirst201 => LastReady - First201;
}

/// <summary>One run of the command-line tools over all files; the client's CPU includes the tools'.</summary>
public sealed record CommandLineRun(int Run, bool WithDownload, double Wall, CpuSample Cpu);

/// <summary>The busy service's backlog, in seconds from its first upload's start.</summary>
public sealed record BacklogRun(double Last201, double ComparisonStart, double ComparisonEnd, double LastReady);

/// <summary>Small-file rates (uploads/s per batch) and medium-size upload times (s), direct and through the service.</summary>
public sealed class UploadComparison(string label)
{
    public string Label => label;
    public List<double> SmallDirect { get; } = [];
    public List<double> SmallService { get; } = [];
    public List<double> MediumDirect { get; } = [];
    public List<double> MediumService { get; } = [];
    public CpuSample Cpu { get; set; }
    public int PendingAtEnd { get; set; } = -1;

    /// <summary>Service / direct rate: higher is better, the upload issue's target is at least 0.7.</summary>
    public double SmallRatio => Report.Median(SmallService) / Report.Median(SmallDirect);

    /// <summary>Service / direct time: lower is better.</summary>
    public double MediumRatio => Report.Median(MediumService) / Report.Median(MediumDirect);
}
