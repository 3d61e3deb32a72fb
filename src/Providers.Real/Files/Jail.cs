using System.Text;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Real.Files;

/// <summary>
/// Resolves host paths inside one directory tree through opened directory handles, one component at
/// a time and never following a symlink implicitly (<c>openat</c> with <c>O_NOFOLLOW</c>): each link
/// met on the way is read and its target resolved again under the same rules, so a link (or a chain
/// of links, or a link swapped in between check and use) can never lead out, and nothing outside the
/// root is opened, read, or even looked at. ".." walks back up the handles, never above the root.
/// Resolutions are never cached. Hard links are outside this model: a hard link inside the tree to
/// a file elsewhere is indistinguishable from any other file of the tree.
/// </summary>
internal sealed class Jail : IDisposable
{
    private const int MaxLinks = 40;
    private readonly int _rootFd;
    private readonly string _given;

    /// <summary>Test hook: called before a component is opened, with its canonical path (to swap it for a link).</summary>
    internal Action<string>? BeforeOpen { get; set; }

    public Jail(string root)
    {
        var full = Path.GetFullPath(root);
        _given = Trim(full);
        _rootFd = Libc.OpenAt(-100 /* AT_FDCWD */, full, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC, 0);
        if (_rootFd < 0) throw new DirectoryNotFoundException($"the root jail {full} cannot be opened (errno {Libc.Errno})");
        Root = Trim(CanonicalRoot(full));
    }

    /// <summary>The root's canonical path (symlinks resolved).</summary>
    public string Root { get; }

    /// <summary>A resolved path: an open handle on its parent directory and the last component's name.</summary>
    public readonly struct Target(int parentFd, string name, string canonical, bool trailingSlash, bool isRoot) : IDisposable
    {
        /// <summary>The directory holding the entry; owned by this target.</summary>
        public int ParentFd { get; } = parentFd;

        /// <summary>The entry's name in <see cref="ParentFd"/>, or "." when the target is that directory itself.</summary>
        public string Name { get; } = name;

        public string Canonical { get; } = canonical;
        public bool TrailingSlash { get; } = trailingSlash;
        public bool IsRoot { get; } = isRoot;
        public bool IsDirectoryItself => Name == ".";

        public void Dispose() => Libc.Close(ParentFd);
    }

    /// <summary>
    /// Resolves <paramref name="path"/> (absolute) to its parent handle and name. Every component but the
    /// last must exist; the last may be missing. With <paramref name="followFinal"/> a final symlink is
    /// followed too (inside the jail), so the target names a non-link or a missing entry.
    /// </summary>
    /// <exception cref="FsException">the path leaves the jail, a component is missing or not a directory, or loops.</exception>
    public Target Resolve(string path, bool followFinal)
    {
        if (path.Contains('\0')) throw new FsException(FsErrorCode.InvalidPath, "the path contains a NUL character");
        var relative = Relative(path) ?? throw FsException.Of(FsErrorCode.OutsideJail);
        var trailingSlash = path.Length > 1 && path.EndsWith('/');
        var parts = new LinkedList<string>(Split(relative));
        var stack = new List<(int Fd, string Path)> { (Dup(_rootFd), Root) };
        var links = 0;
        try
        {
            while (parts.First is { } node)
            {
                var name = node.Value;
                parts.RemoveFirst();
                var last = parts.Count == 0;
                if (name == ".") continue;
                if (name == "..")
                {
                    if (stack.Count == 1) throw FsException.Of(FsErrorCode.OutsideJail);
                    Libc.Close(stack[^1].Fd);
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }
                var (fd, dir) = stack[^1];
                var canonical = Join(dir, name);
                if (last && !followFinal) return Finish(stack, name, canonical, trailingSlash);
                if (!Libc.TryStat(fd, name, follow: false, out var info, out var errno))
                {
                    if (errno == Libc.ENOENT && last) return Finish(stack, name, canonical, trailingSlash);
                    throw Errors.FromErrno(errno);
                }
                if (info.IsSymlink)
                {
                    if (++links > MaxLinks) throw FsException.Of(FsErrorCode.TooManyLinks);
                    var target = ReadLink(fd, name);
                    if (target.StartsWith('/'))
                    {
                        var inside = Relative(target) ?? throw FsException.Of(FsErrorCode.OutsideJail);
                        for (var i = stack.Count - 1; i > 0; i--) Libc.Close(stack[i].Fd);
                        stack.RemoveRange(1, stack.Count - 1);
                        Prepend(parts, Split(inside));
                    }
                    else Prepend(parts, Split(target));
                    continue;
                }
                if (last) return Finish(stack, name, canonical, trailingSlash);
                if (!info.IsDirectory) throw FsException.Of(FsErrorCode.NotADirectory);
                BeforeOpen?.Invoke(canonical);
                var child = Libc.OpenAt(fd, name, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
                if (child < 0)
                {
                    var e = Libc.Errno;
                    // Swapped for a link (or a file) since the stat: look at it again.
                    if (e is Libc.ELOOP or Libc.ENOTDIR) { parts.AddFirst(name); continue; }
                    throw Errors.FromErrno(e);
                }
                stack.Add((child, canonical));
            }
            // The path ended at a directory itself: the root, or after "." / "..".
            return Finish(stack, ".", stack[^1].Path, trailingSlash);
        }
        catch
        {
            foreach (var (fd, _) in stack) Libc.Close(fd);
            throw;
        }
    }

    private Target Finish(List<(int Fd, string Path)> stack, string name, string canonical, bool trailingSlash)
    {
        for (var i = 0; i < stack.Count - 1; i++) Libc.Close(stack[i].Fd);
        var isRoot = name == "." && stack.Count == 1;
        return new Target(stack[^1].Fd, name, canonical, trailingSlash, isRoot);
    }

    /// <summary>The path relative to the root (as given or canonical), or null when it is not under it.</summary>
    private string? Relative(string path)
    {
        foreach (var root in new[] { Root, _given })
        {
            if (path == root) return "";
            var prefix = root == "/" ? "/" : root + "/";
            if (path.StartsWith(prefix, StringComparison.Ordinal)) return path[prefix.Length..];
        }
        return null;
    }

    private static IEnumerable<string> Split(string relative) =>
        relative.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static void Prepend(LinkedList<string> parts, IEnumerable<string> items)
    {
        var before = parts.First;
        foreach (var item in items)
        {
            if (before is null) parts.AddLast(item);
            else parts.AddBefore(before, item);
        }
    }

    private static string Join(string dir, string name) => dir == "/" ? "/" + name : dir + "/" + name;

    private static string Trim(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    private static int Dup(int fd)
    {
        var copy = Libc.Dup(fd);
        return copy >= 0 ? copy : throw Errors.FromErrno(Libc.Errno);
    }

    private static unsafe string ReadLink(int dirfd, string name)
    {
        var buffer = stackalloc byte[4096];
        var n = Libc.ReadLinkAt(dirfd, name, buffer, 4096);
        if (n < 0) throw Errors.FromErrno(Libc.Errno);
        return Encoding.UTF8.GetString(buffer, (int)n);
    }

    /// <summary>The root's real path: every component resolved, as the OS sees it.</summary>
    private static string CanonicalRoot(string full)
    {
        var current = "/";
        var pending = new LinkedList<string>(Split(full));
        var links = 0;
        while (pending.First is { } node)
        {
            pending.RemoveFirst();
            if (node.Value == ".") continue;
            if (node.Value == "..") { current = Path.GetDirectoryName(current) ?? "/"; continue; }
            var next = Join(current, node.Value);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target && ++links <= MaxLinks)
            {
                if (target.StartsWith('/')) current = "/";
                Prepend(pending, Split(target));
                continue;
            }
            current = next;
        }
        return current;
    }

    public void Dispose() => Libc.Close(_rootFd);
}
