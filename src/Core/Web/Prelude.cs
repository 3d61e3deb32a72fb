using System.Text;
using EsRuntime.Host.Process;
using EsRuntime.Modules;
using EsRuntime.Providers;
using EsRuntime.Runtime;
using EsRuntime.Web.Bootstrap;

namespace EsRuntime.Web;

/// <summary>
/// The embedded prelude: every web API's JS, in dependency order, compiled once per process and
/// code-cached across processes through the <see cref="ICodeCache"/> provider.
/// </summary>
internal static class Prelude
{
    /// <summary>Prelude files, in order. Each is a function body run with <c>internals</c> in scope.</summary>
    private static readonly string[] Files =
    [
        "Web/Bootstrap/internals.js",
        "Loop/completions.js",
        "Web/Errors/dom_exception.js", "Web/Errors/stack_trace.js",
        "Web/Console/inspect.js",
        "Web/Console/console.js",
        "Web/Encoding/encoding.js", "Web/Encoding/base64.js",
        "Web/Clone/structured_clone.js",
        "Web/Crypto/webcrypto.js", "Web/Crypto/key.js", "Web/Crypto/normalize.js", "Web/Crypto/jwk.js",
        "Web/Crypto/symmetric.js", "Web/Crypto/ec.js", "Web/Crypto/okp.js", "Web/Crypto/rsa.js", "Web/Crypto/subtle.js", "Web/Crypto/crypto.js",
        "Web/Timers/timers.js",
        "Web/Url/url_simple.js", "Web/Url/url.js",
        "Web/Random/determinism.js",
        "Web/Bootstrap/report.js",
        "Web/Events/event_target.js",
        "Web/Abort/abort.js",
        "Web/Events/global_events.js",
        "Web/Performance/performance.js",
        "Web/Messaging/message_channel.js",
        "Web/Navigator/navigator.js",
        "Web/Url/url_pattern_parser.js", "Web/Url/url_pattern.js",
        "Web/Blob/blob.js", "Web/Blob/file_reader.js",
        "Web/Streams/streams.js", "Web/Streams/encoding_streams.js", "Web/Compression/compression.js",
        "Web/Fetch/headers.js", "Web/Fetch/multipart.js", "Web/Fetch/body.js", "Web/Fetch/response.js", "Web/Fetch/request.js",
        "Web/Fetch/data_url.js", "Web/Fetch/fetch.js",
        "Web/Bootstrap/modules.js",
        "Web/Bootstrap/embedder.js",
        "Host/embedder/host_functions.js",
        "Web/Bootstrap/dispatch.js",
    ];

    public const string DocumentName = "esrun:prelude";

    private static readonly Lazy<(string Source, string CacheKey)> Source = new(Build);

    private static (string, string) Build()
    {
        var text = new StringBuilder("(function () {\nconst internals = Object.create(null);\n");
        foreach (var file in Files)
        {
            text.Append("(function (internals) {\"use strict\";\n")
                .Append(EmbeddedText.Read(file))
                .Append("\n})(internals);\n");
        }
        text.Append("})();\n");
        var source = text.ToString();
        // The prelude is made only of this assembly's embedded files, so the assembly's (deterministic)
        // module version id names it; hashing the 400 KB text with SHA-256 loaded OpenSSL at every start
        // (~3.4 MiB RSS, docs/DECISIONS.md "Start-up and memory").
        var id = typeof(Prelude).Assembly.ManifestModule.ModuleVersionId;
        return (source, "prelude-" + id.ToString("N")[..16]);
    }

    /// <summary>Registers every op and runs the prelude in the runtime's engine.</summary>
    public static void Load(RuntimeContext context)
    {
        BootstrapOps.Register(context);
        ProcessOps.Register(context);
        EsRuntime.Host.Fs.FsOps.Register(context);
        EsRuntime.Host.Net.NetOps.Register(context);
        EsRuntime.Host.Http.HttpOps.Register(context);
        EsRuntime.Host.Sim.SimOps.Register(context);
        EsRuntime.Web.Fetch.FetchOps.Register(context);
        Console.ConsoleOps.Register(context);
        EsRuntime.Web.Navigator.NavigatorOps.Register(context);
        EsRuntime.Web.Messaging.MessagingOps.Register(context);
        Url.UrlOps.Register(context.Engine);
        EsRuntime.Web.Encoding.EncodingOps.Register(context);
        EsRuntime.Web.Compression.CompressionOps.Register(context);
        EsRuntime.Web.Crypto.CryptoOps.Register(context);
        var (source, key) = Source.Value;
        var cache = context.Providers.CodeCache ?? NoCodeCache.Instance;
        context.Engine.RunPrelude(DocumentName, source, cache.Load(key), data => cache.Store(key, data));
    }
}
