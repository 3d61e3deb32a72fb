using EsRuntime.Providers.Real.Files;

namespace EsRuntime.Tests.Modules;

/// <summary>A real temporary directory tree for resolver tests, deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("esrun-resolver-");

    public TempTree() =>
        // /tmp may itself be a symlink: expected URLs are built from the canonical path.
        Root = new RealFileSystem(_dir.FullName).Root;

    /// <summary>The tree's canonical real path.</summary>
    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The canonical URL the resolver returns for a file of the tree.</summary>
    public string Url(string relative) => new Uri(PathOf(relative)).AbsoluteUri;

    public TempTree File(string relative, string text = "export {};")
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return this;
    }

    public TempTree Dir(string relative)
    {
        Directory.CreateDirectory(PathOf(relative));
        return this;
    }

    public TempTree FileLink(string relative, string targetRelative)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        System.IO.File.CreateSymbolicLink(PathOf(relative), PathOf(targetRelative));
        return this;
    }

    public TempTree DirLink(string relative, string targetRelative)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        Directory.CreateSymbolicLink(PathOf(relative), PathOf(targetRelative));
        return this;
    }

    public void Dispose()
    {
        // Recursive delete removes symlinks themselves, never what they point to.
        try { _dir.Delete(recursive: true); }
        catch (IOException) { }
    }
}
