namespace EsRuntime.Modules;

/// <summary>Reads the JS sources embedded in this assembly by their path under src/Core.</summary>
internal static class EmbeddedText
{
    public static string Read(string path)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"embedded source {path} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
