using System.Text;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim.Disk;

/// <summary>
/// A simulated disk as a filesystem provider. In a <see cref="Simulation"/> every operation takes a
/// seeded simulated time and may meet a fault from the plan (I/O errors, a full disk, short writes,
/// slow operations, files that vanish); each takes effect when its time comes, so operations that
/// race are ordered by the seed. Without a simulation (tests) operations complete at once. Nothing
/// is ever written to the real disk.
/// </summary>
public sealed class SimFileSystem : IFileSystem
{
    public const string DefaultRoot = "/sim/project";

    private readonly Simulation? _sim;
    private readonly SimDisk _disk;
    private long _temp;

    private bool _crashed;

    internal SimFileSystem(Simulation? simulation, string root, string? snapshotOf)
    {
        _sim = simulation;
        _disk = new SimDisk(root, snapshotOf, () => simulation?.Clock.WallNowMs() ?? 946684800000);
    }

    private SimFileSystem(Simulation? simulation, SimDisk disk)
    {
        _sim = simulation;
        _disk = disk;
    }

    /// <summary>
    /// The host crashed: its disk loses what was not synced, operations this view started never finish,
    /// and the restarted host gets a new view of the same disk.
    /// </summary>
    public SimFileSystem CrashAndRestart()
    {
        _crashed = true;
        _disk.Crash(_sim is null ? null : Survivor);
        return new SimFileSystem(_sim, _disk);
    }

    private const int Sector = 512;

    /// <summary>
    /// What a crash leaves of a file being written: nothing, unless the plan tears it (a whole number of
    /// its sectors reached the disk) or corrupts one of its sectors. The target of a write is never
    /// affected — a write renames its temporary file into place only once synced — so what survives is
    /// the temporary file, which a program listing the directory after its restart sees.
    /// </summary>
    private byte[]? Survivor(string path, byte[] written)
    {
        var sim = _sim!;
        byte[]? kept = null;
        sim.Inject(FaultKind.DiskTorn, () =>
        {
            var length = Math.Min(written.Length, Sector * sim.Random.Next(written.Length / Sector + 1));
            kept = written[..length];
            return $"{path} survived the crash torn: {length} of {written.Length} bytes";
        });
        sim.Inject(FaultKind.DiskCorrupt, () =>
        {
            var bytes = (kept ?? written) is { Length: > 0 } some ? some.ToArray() : new byte[Sector];
            var sector = sim.Random.Next((bytes.Length + Sector - 1) / Sector);
            for (var i = sector * Sector; i < Math.Min(bytes.Length, (sector + 1) * Sector); i++) bytes[i] = (byte)sim.Random.Next(256);
            kept = bytes;
            return $"{path} survived the crash with sector {sector} corrupted";
        });
        return kept;
    }

    /// <summary>An empty in-memory disk rooted at <paramref name="root"/>, outside any simulation (operations complete at once).</summary>
    public SimFileSystem(string root = DefaultRoot) : this(null, root, null) { }

    public string Root => _disk.Root;

    /// <summary>Adds a file (and its directories), already synced: fixtures and module sources for tests.</summary>
    public SimFileSystem Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public SimFileSystem Add(string path, byte[] bytes)
    {
        _disk.Seed(path, bytes);
        return this;
    }

    /// <summary>A power cut: what was not synced is lost (every completed operation was synced).</summary>
    public void Crash() => _disk.Crash();

    // ---- synchronous: module loading ----

    public FsLocation Locate(string path)
    {
        try
        {
            var target = _disk.Resolve(path, followFinal: true);
            var node = _disk.NodeOf(target);
            if (node is null) return FsLocation.Missing;
            var kind = node.Kind switch { SimNodeKind.File => FsNodeKind.File, SimNodeKind.Directory => FsNodeKind.Directory, _ => FsNodeKind.Other };
            if (target.TrailingSlash && kind != FsNodeKind.Directory) return FsLocation.Missing;
            return new FsLocation(kind, target.Canonical, kind == FsNodeKind.File ? _disk.Content(node).Length : 0);
        }
        catch (FsException e) when (e.Code == FsErrorCode.OutsideJail) { return FsLocation.Outside; }
        catch (FsException) { return FsLocation.Missing; }
    }

    public string? ReadText(string path)
    {
        try
        {
            var node = _disk.NodeOf(_disk.Resolve(path, followFinal: true));
            return node?.Kind == SimNodeKind.File ? SimDisk.Utf8(_disk.Content(node)) : null;
        }
        catch (FsException) { return null; }
    }

    // ---- asynchronous ----

    public Task<FsStat> StatAsync(string path) => Later(() =>
    {
        var own = _disk.Resolve(path, followFinal: false);
        var link = _disk.NodeOf(own)?.Kind == SimNodeKind.Symlink;
        var target = link ? _disk.Resolve(path, followFinal: true) : own;
        var node = Vanish(target) ?? throw FsException.Of(FsErrorCode.NotFound);
        if (target.TrailingSlash && node.Kind != SimNodeKind.Directory) throw FsException.Of(FsErrorCode.NotADirectory);
        var size = node.Kind == SimNodeKind.File ? _disk.Content(node).Length : 0;
        return new FsStat(size, node.Kind == SimNodeKind.File, node.Kind == SimNodeKind.Directory, link, node.MtimeMs);
    });

    public Task<IReadOnlyList<FsEntry>> ReadDirectoryAsync(string path) => Later<IReadOnlyList<FsEntry>>(() =>
    {
        var node = _disk.NodeOf(_disk.Resolve(path, followFinal: true)) ?? throw FsException.Of(FsErrorCode.NotFound);
        if (node.Kind != SimNodeKind.Directory) throw FsException.Of(FsErrorCode.NotADirectory);
        return _disk.Entries(node).Select(e => new FsEntry(e.Key, e.Value.Kind == SimNodeKind.File,
            e.Value.Kind == SimNodeKind.Directory, e.Value.Kind == SimNodeKind.Symlink)).ToList();
    });

    public Task CreateDirectoryAsync(string path, bool recursive) => Later(() =>
    {
        if (!recursive)
        {
            MakeDirectory(_disk.Resolve(path, followFinal: false));
            return true;
        }
        // Create each missing component, each resolved afresh.
        var chain = new Stack<string>();
        for (var p = path.TrimEnd('/'); p != _disk.Root && p.Length > _disk.Root.Length; p = Path.GetDirectoryName(p)!) chain.Push(p);
        foreach (var component in chain)
        {
            var target = _disk.Resolve(component, followFinal: true);
            var node = _disk.NodeOf(target);
            if (node is null) MakeDirectory(target);
            else if (node.Kind != SimNodeKind.Directory)
                throw FsException.Of(component == chain.Last() ? FsErrorCode.AlreadyExists : FsErrorCode.NotADirectory);
        }
        return true;
    });

    private void MakeDirectory(in SimDisk.Target target)
    {
        if (target.IsDirectoryItself || _disk.NodeOf(target) is not null) throw FsException.Of(FsErrorCode.AlreadyExists);
        if (_sim?.Inject(FaultKind.DiskNoSpace, $"mkdir {target.Canonical}") == true) throw new FsException(FsErrorCode.NoSpace, "no space left on the device (simulated fault)", injected: true);
        _disk.Entries(target.Parent)[target.Name] = SimNode.NewDirectory(_disk.Now);
        target.Parent.SyncEntries();
    }

    public Task RemoveAsync(string path, bool recursive) => Later(() =>
    {
        var target = _disk.Resolve(path, followFinal: false);
        RefuseDirectoryItself(target, "remove");
        var node = _disk.NodeOf(target) ?? throw FsException.Of(FsErrorCode.NotFound);
        if (target.TrailingSlash && node.Kind != SimNodeKind.Directory) throw FsException.Of(FsErrorCode.NotADirectory);
        if (node.Kind == SimNodeKind.Directory && !recursive && _disk.Entries(node).Count > 0) throw FsException.Of(FsErrorCode.NotEmpty);
        _disk.Entries(target.Parent).Remove(target.Name);
        target.Parent.SyncEntries();
        return true;
    });

    public Task RenameAsync(string from, string to) => Later(() =>
    {
        var source = _disk.Resolve(from, followFinal: false);
        RefuseDirectoryItself(source, "rename");
        var destination = _disk.Resolve(to, followFinal: false);
        RefuseDirectoryItself(destination, "rename onto");
        var node = _disk.NodeOf(source) ?? throw FsException.Of(FsErrorCode.NotFound);
        if (source.Canonical == destination.Canonical) return true; // onto itself: nothing to do (as rename(2))
        if (node.Kind == SimNodeKind.Directory && IsWithin(destination.Canonical, source.Canonical))
            throw new FsException(FsErrorCode.InvalidPath, "cannot move a directory into itself");
        // As rename(2): onto one of its own ancestors (a directory that holds it, so is not empty).
        if (IsWithin(source.Canonical, destination.Canonical)) throw FsException.Of(FsErrorCode.NotEmpty);
        var existing = _disk.NodeOf(destination);
        if (existing is not null && !ReferenceEquals(existing, node))
        {
            if (existing.Kind == SimNodeKind.Directory && node.Kind != SimNodeKind.Directory) throw FsException.Of(FsErrorCode.IsADirectory);
            if (existing.Kind != SimNodeKind.Directory && node.Kind == SimNodeKind.Directory) throw FsException.Of(FsErrorCode.NotADirectory);
            if (existing.Kind == SimNodeKind.Directory && _disk.Entries(existing).Count > 0) throw FsException.Of(FsErrorCode.NotEmpty);
        }
        _disk.Entries(source.Parent).Remove(source.Name);
        _disk.Entries(destination.Parent)[destination.Name] = node;
        source.Parent.SyncEntries();
        destination.Parent.SyncEntries();
        return true;
    });

    private static bool IsWithin(string path, string dir) => path == dir || path.StartsWith(dir + "/", StringComparison.Ordinal);

    private static void RefuseDirectoryItself(in SimDisk.Target target, string what)
    {
        if (target.IsRoot) throw new FsException(FsErrorCode.InvalidPath, $"cannot {what} the root of the jail");
        if (target.IsDirectoryItself) throw new FsException(FsErrorCode.InvalidPath, $"cannot {what} a path that ends in \".\" or \"..\"");
    }

    public Task<IFileReader> OpenReadAsync(string path) => Later<IFileReader>(() =>
    {
        var target = _disk.Resolve(path, followFinal: true);
        if (target.TrailingSlash) throw FsException.Of(FsErrorCode.NotADirectory);
        var node = Vanish(target) ?? throw FsException.Of(FsErrorCode.NotFound);
        if (node.Kind == SimNodeKind.Directory) throw FsException.Of(FsErrorCode.IsADirectory);
        return new Reader(this, _disk.Content(node), target.Canonical);
    });

    public Task<IFileWriter> CreateAsync(string path) => Later<IFileWriter>(() =>
    {
        var target = _disk.Resolve(path, followFinal: true);
        RefuseDirectoryItself(target, "write");
        if (target.TrailingSlash) throw FsException.Of(FsErrorCode.NotADirectory);
        if (_disk.NodeOf(target)?.Kind == SimNodeKind.Directory) throw FsException.Of(FsErrorCode.IsADirectory);
        if (_sim?.Inject(FaultKind.DiskNoSpace, $"create {target.Canonical}") == true)
            throw new FsException(FsErrorCode.NoSpace, "no space left on the device (simulated fault)", injected: true);
        // The temporary file is an entry of the directory, not yet synced: a crash loses it.
        var temp = $".{target.Name}.{++_temp}.esrun-tmp";
        var file = SimNode.NewFile([], _disk.Now, synced: false);
        _disk.Entries(target.Parent)[temp] = file;
        return new Writer(this, target, temp, file);
    });

    /// <summary>The file's node, unless the plan makes it vanish now (it is removed: another process deleted it).</summary>
    private SimNode? Vanish(in SimDisk.Target target)
    {
        var node = _disk.NodeOf(target);
        if (node?.Kind == SimNodeKind.File && !target.IsDirectoryItself && _sim?.Inject(FaultKind.DiskVanish, $"{target.Canonical} vanished") == true)
        {
            _disk.Entries(target.Parent).Remove(target.Name);
            target.Parent.SyncEntries();
            return null;
        }
        return node;
    }

    /// <summary>
    /// Runs <paramref name="action"/> when the operation's simulated time has passed: a seeded latency,
    /// a hundred times longer when the plan makes it slow. Outside a simulation, at once.
    /// </summary>
    private Task<T> Later<T>(Func<T> action)
    {
        if (_sim is null)
        {
            try { return Task.FromResult(action()); }
            catch (FsException e) { return Task.FromException<T>(e); }
        }
        var done = new TaskCompletionSource<T>();
        var latency = _sim.Random.Between(0.02, 0.25);
        if (_sim.Inject(FaultKind.DiskSlow, "a slow disk operation")) latency *= 100;
        _sim.Schedule(latency, () =>
        {
            if (_crashed) return;
            try { done.SetResult(action()); }
            catch (FsException e) { done.SetException(e); }
        });
        return done.Task;
    }

    private FsException? Fault(FaultKind kind, string what, FsErrorCode code) =>
        _sim?.Inject(kind, what) == true ? new FsException(code, FsException.Describe(code) + " (simulated fault)", injected: true) : null;

    private sealed class Reader(SimFileSystem fs, byte[] content, string path) : IFileReader
    {
        private int _offset;

        public long Length => content.Length;

        public Task<int> ReadAsync(Memory<byte> destination) => fs.Later(() =>
        {
            if (fs.Fault(FaultKind.DiskIoError, $"read {path}", FsErrorCode.IOError) is { } fault) throw fault;
            var n = Math.Min(destination.Length, content.Length - _offset);
            content.AsSpan(_offset, n).CopyTo(destination.Span);
            _offset += n;
            return n;
        });

        public void Dispose() { }
    }

    private sealed class Writer(SimFileSystem fs, SimDisk.Target target, string temp, SimNode file) : IFileWriter
    {
        private readonly MemoryStream _data = new();
        private bool _done;

        public Task WriteAsync(ReadOnlyMemory<byte> data)
        {
            var copy = data.ToArray();
            return fs.Later(() =>
            {
                if (fs.Fault(FaultKind.DiskIoError, $"write {target.Canonical}", FsErrorCode.IOError) is { } eio) throw eio;
                if (fs.Fault(FaultKind.DiskNoSpace, $"write {target.Canonical}", FsErrorCode.NoSpace) is { } full) throw full;
                if (fs.Fault(FaultKind.DiskShortWrite, $"short write to {target.Canonical}", FsErrorCode.IOError) is { } shortWrite)
                {
                    _data.Write(copy, 0, copy.Length / 2);
                    file.Data = _data.ToArray();
                    throw shortWrite;
                }
                _data.Write(copy);
                file.Data = _data.ToArray();
                file.MtimeMs = fs._disk.Now;
                return true;
            });
        }

        public Task CommitAsync() => fs.Later(() =>
        {
            if (fs.Fault(FaultKind.DiskIoError, $"sync {target.Canonical}", FsErrorCode.IOError) is { } fault) throw fault;
            var entries = fs._disk.Entries(target.Parent);
            if (!entries.Remove(temp)) throw new FsException(FsErrorCode.NotFound, "the temporary file vanished before the commit");
            file.Synced = file.Data ??= [];
            entries[target.Name] = file;
            target.Parent.SyncEntries();
            _done = true;
            return true;
        });

        public void Dispose()
        {
            if (_done || fs._crashed) return; // after a crash the temporary file is as the crash left it
            _done = true;
            fs._disk.Entries(target.Parent).Remove(temp);
        }
    }
}
