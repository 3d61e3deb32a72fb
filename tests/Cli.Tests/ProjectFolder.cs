namespace EsRuntime.Cli.Tests;

/// <summary>
/// A temporary project folder for CLI tests that write scripts: its own <c>package.json</c>, so it is
/// the root jail of what runs there; deleted after each test.
/// </summary>
public abstract class ProjectFolder : IDisposable
{
    protected ProjectFolder(string prefix)
    {
        Dir = Directory.CreateTempSubdirectory(prefix);
        File.WriteAllText(Path.Combine(Dir.FullName, "package.json"), "{}");
    }

    protected DirectoryInfo Dir { get; }

    /// <summary>Writes <paramref name="code"/> as <paramref name="name"/> in the folder and returns its path.</summary>
    protected string Script(string name, string code)
    {
        var path = Path.Combine(Dir.FullName, name);
        File.WriteAllText(path, code);
        return path;
    }

    public void Dispose()
    {
        Dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}
