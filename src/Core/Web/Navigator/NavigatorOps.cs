using System.Reflection;
using EsRuntime.Runtime;

namespace EsRuntime.Web.Navigator;

/// <summary>The op behind <c>navigator.userAgent</c>: the runtime's version, <c>esrun/&lt;version&gt;</c>.</summary>
internal static class NavigatorOps
{
    /// <summary>The informational version of the core assembly without build metadata ("0.1.0").</summary>
    public static string Version { get; } = ReadVersion();

    public static void Register(RuntimeContext ctx) =>
        ctx.Engine.RegisterOp("version", (a, r) => r.Set(Version));

    private static string ReadVersion()
    {
        var informational = typeof(NavigatorOps).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational)) return "0.1.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
