namespace EsRuntime.Providers.Sim.Disk;

internal enum SimNodeKind { File, Directory, Symlink }

/// <summary>
/// One entry of the simulated disk. A file keeps its current bytes and the bytes last synced; a
/// directory its current entries and the entries last synced — a crash goes back to the synced
/// ones. Entries of a directory shown from a real snapshot are loaded on first look.
/// </summary>
internal sealed class SimNode
{
    public required SimNodeKind Kind { get; init; }
    public double MtimeMs { get; set; }

    // File
    public byte[]? Data { get; set; }
    public byte[]? Synced { get; set; }

    // Directory
    public SortedDictionary<string, SimNode>? Children { get; set; }
    public SortedDictionary<string, SimNode>? SyncedChildren { get; set; }

    // Symlink
    public string? LinkTarget { get; init; }

    /// <summary>The real file or directory this node still has to be loaded from (read-only, lazily).</summary>
    public string? SnapshotPath { get; set; }

    public static SimNode NewDirectory(double mtime) =>
        new() { Kind = SimNodeKind.Directory, MtimeMs = mtime, Children = new(StringComparer.Ordinal), SyncedChildren = new(StringComparer.Ordinal) };

    public static SimNode NewFile(byte[] data, double mtime, bool synced) =>
        new() { Kind = SimNodeKind.File, MtimeMs = mtime, Data = data, Synced = synced ? data : null };

    /// <summary>Makes the current entries the durable ones (a directory fsync).</summary>
    public void SyncEntries() => SyncedChildren = new SortedDictionary<string, SimNode>(Children!, StringComparer.Ordinal);
}
