using System.Text;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim.Disk;

/// <summary>
/// The simulated disk's tree and its path resolution, with the same rules as the real jail: one
/// component at a time, symlinks followed only inside the root, ".." never above it. Optionally it
/// shows a real directory (the project) read-only and lazily: nothing is written back, and the real
/// directory's own symlinks are shown as links, never followed on the host.
/// </summary>
internal sealed class SimDisk
{
    private const int MaxLinks = 40;
    private readonly string? _snapshotRoot;
    private readonly Func<double> _now;

    public SimDisk(string root, string? snapshotOf, Func<double> wallNow)
    {
        Root = root.Length > 1 ? root.TrimEnd('/') : root;
        _now = wallNow;
        RootNode = SimNode.NewDirectory(wallNow());
        if (snapshotOf is not null)
        {
            _snapshotRoot = Path.GetFullPath(snapshotOf).TrimEnd('/');
            RootNode.Children = null;
            RootNode.SnapshotPath = _snapshotRoot;
        }
    }

    public string Root { get; }

    public SimNode RootNode { get; }

    public double Now => _now();

    /// <summary>A resolved path: the directory holding the entry, the entry's name ("." for the directory itself).</summary>
    public readonly record struct Target(SimNode Parent, string Name, string Canonical, bool TrailingSlash, bool IsRoot)
    {
        public bool IsDirectoryItself => Name == ".";
    }

    /// <exception cref="FsException">the path leaves the jail, a component is missing or not a directory, or loops.</exception>
    public Target Resolve(string path, bool followFinal)
    {
        if (path.Contains('\0')) throw new FsException(FsErrorCode.InvalidPath, "the path contains a NUL character");
        var relative = Relative(path) ?? throw FsException.Of(FsErrorCode.OutsideJail);
        var trailingSlash = path.Length > 1 && path.EndsWith('/');
        var parts = new LinkedList<string>(relative.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var stack = new List<(SimNode Node, string Path)> { (RootNode, Root) };
        var links = 0;
        while (parts.First is { } first)
        {
            var name = first.Value;
            parts.RemoveFirst();
            var last = parts.Count == 0;
            if (name == ".") continue;
            if (name == "..")
            {
                if (stack.Count == 1) throw FsException.Of(FsErrorCode.OutsideJail);
                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            var (dir, dirPath) = stack[^1];
            var canonical = dirPath == "/" ? "/" + name : dirPath + "/" + name;
            if (last && !followFinal) return new Target(dir, name, canonical, trailingSlash, false);
            var child = Child(dir, name);
            if (child is null)
            {
                if (last) return new Target(dir, name, canonical, trailingSlash, false);
                throw FsException.Of(FsErrorCode.NotFound);
            }
            if (child.Kind == SimNodeKind.Symlink)
            {
                if (++links > MaxLinks) throw FsException.Of(FsErrorCode.TooManyLinks);
                var target = child.LinkTarget!;
                if (target.StartsWith('/'))
                {
                    var inside = Relative(target) ?? throw FsException.Of(FsErrorCode.OutsideJail);
                    stack.RemoveRange(1, stack.Count - 1);
                    Prepend(parts, inside);
                }
                else Prepend(parts, target);
                continue;
            }
            if (last) return new Target(dir, name, canonical, trailingSlash, false);
            if (child.Kind != SimNodeKind.Directory) throw FsException.Of(FsErrorCode.NotADirectory);
            stack.Add((child, canonical));
        }
        return new Target(stack[^1].Node, ".", stack[^1].Path, trailingSlash, stack.Count == 1);
    }

    /// <summary>The node a resolved target names (the directory itself for "."), or null if missing.</summary>
    public SimNode? NodeOf(in Target target) => target.IsDirectoryItself ? target.Parent : Child(target.Parent, target.Name);

    public SimNode? Child(SimNode dir, string name) => Entries(dir).GetValueOrDefault(name);

    /// <summary>A directory's current entries, loading them from the snapshot on first look.</summary>
    public SortedDictionary<string, SimNode> Entries(SimNode dir)
    {
        if (dir.Children is null) LoadDirectory(dir);
        return dir.Children!;
    }

    /// <summary>A file's current bytes, loading them from the snapshot on first read.</summary>
    public byte[] Content(SimNode file)
    {
        if (file.Data is null && file.SnapshotPath is { } real)
        {
            byte[] bytes;
            try { bytes = File.ReadAllBytes(real); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw FsException.Of(FsErrorCode.IOError); }
            file.Data = file.Synced = bytes;
            file.SnapshotPath = null;
        }
        return file.Data ?? [];
    }

    private void LoadDirectory(SimNode dir)
    {
        var entries = new SortedDictionary<string, SimNode>(StringComparer.Ordinal);
        if (dir.SnapshotPath is { } real)
        {
            try
            {
                foreach (var info in new DirectoryInfo(real).EnumerateFileSystemInfos())
                {
                    var mtime = Now;
                    if (info.LinkTarget is { } link) entries[info.Name] = new SimNode { Kind = SimNodeKind.Symlink, LinkTarget = MapLink(link), MtimeMs = mtime };
                    else if (info is DirectoryInfo) entries[info.Name] = new SimNode { Kind = SimNodeKind.Directory, SnapshotPath = info.FullName, MtimeMs = mtime };
                    else entries[info.Name] = new SimNode { Kind = SimNodeKind.File, SnapshotPath = info.FullName, MtimeMs = mtime };
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        dir.Children = entries;
        dir.SyncedChildren = new SortedDictionary<string, SimNode>(entries, StringComparer.Ordinal);
        dir.SnapshotPath = null;
    }

    /// <summary>A real symlink's target as the simulated disk shows it: absolute targets inside the project move under the sim root.</summary>
    private string MapLink(string target)
    {
        if (!target.StartsWith('/') || _snapshotRoot is null) return target;
        if (target == _snapshotRoot) return Root;
        return target.StartsWith(_snapshotRoot + "/", StringComparison.Ordinal) ? Root + target[_snapshotRoot.Length..] : target;
    }

    /// <summary>Puts a file (creating its directories) straight onto the disk, synced: fixtures for tests.</summary>
    public void Seed(string path, byte[] data)
    {
        var relative = Relative(path) ?? throw new ArgumentException($"{path} is not under the disk's root {Root}", nameof(path));
        var dir = RootNode;
        var parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var entries = Entries(dir);
            if (!entries.TryGetValue(parts[i], out var next))
            {
                entries[parts[i]] = next = SimNode.NewDirectory(Now);
                dir.SyncEntries();
            }
            dir = next;
        }
        Entries(dir)[parts[^1]] = SimNode.NewFile(data, Now, synced: true);
        dir.SyncEntries();
    }

    /// <summary>
    /// A power cut: every directory and file goes back to what was last synced. A file being written
    /// (never synced) is lost, unless <paramref name="survivor"/> — given its path and the bytes written so
    /// far — returns what of it the disk kept: then it stays, under its name, holding those bytes.
    /// </summary>
    public void Crash(Func<string, byte[], byte[]?>? survivor = null) => Revert(RootNode, Root, survivor);

    private static void Revert(SimNode node, string path, Func<string, byte[], byte[]?>? survivor)
    {
        if (node.Kind == SimNodeKind.File) { node.Data = node.Synced; return; }
        if (node.Kind != SimNodeKind.Directory || node.Children is null) return;
        var kept = new SortedDictionary<string, SimNode>(node.SyncedChildren!, StringComparer.Ordinal);
        var survived = false;
        if (survivor is not null)
            foreach (var (name, child) in node.Children)
            {
                if (child.Kind != SimNodeKind.File || child.Synced is not null || child.SnapshotPath is not null) continue;
                if (survivor(Join(path, name), child.Data ?? []) is not { } bytes) continue;
                child.Data = child.Synced = bytes;
                kept[name] = child;
                survived = true;
            }
        node.Children = kept;
        if (survived) node.SyncEntries(); // what the crash left is now what the disk holds
        foreach (var (name, child) in node.Children) Revert(child, Join(path, name), survivor);
    }

    private static string Join(string dir, string name) => dir == "/" ? "/" + name : dir + "/" + name;

    private string? Relative(string path)
    {
        if (path == Root) return "";
        var prefix = Root == "/" ? "/" : Root + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : null;
    }

    private static void Prepend(LinkedList<string> parts, string path)
    {
        var before = parts.First;
        foreach (var item in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (before is null) parts.AddLast(item);
            else parts.AddBefore(before, item);
        }
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
