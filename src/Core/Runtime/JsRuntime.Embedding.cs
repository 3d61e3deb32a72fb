using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EsRuntime.Engine;

namespace EsRuntime.Runtime;

/// <summary>
/// Values out of a running program: an expression evaluated in the global scope, or an export of the
/// main module called, each as one macrotask (Web/Bootstrap/embedder.js). Values cross as JSON text
/// (read with System.Text.Json) or, for <c>byte[]</c>, as the bytes of an ArrayBuffer or typed array.
/// </summary>
public sealed partial class JsRuntime
{
    private const int AnswerBytes = 1, AnswerAsync = 2, AnswerCall = 4;
    private const string ReflectionJson = "Reads the value with reflection-based System.Text.Json; under trimming or Native AOT pass a JsonTypeInfo<T> (a JsonSerializerContext) instead.";

    private readonly Dictionary<int, TaskCompletionSource<Answer>> _answers = [];
    private string _embedderSource = "";
    private string _embedderArgs = "[]";
    private int _nextAnswer;

    /// <summary>What the script answered: thrown (<see cref="Text"/> is "name\0message\0stack"), JSON text, or bytes.</summary>
    private readonly record struct Answer(bool Threw, string? Text, byte[]? Bytes);

    private void RegisterEmbedderOps(V8Engine engine)
    {
        engine.RegisterOp("embedderSource", (a, r) => r.Set(_embedderSource));
        engine.RegisterOp("embedderArgs", (a, r) => r.Set(_embedderArgs));
        engine.RegisterOp("embedderAnswer", (a, r) =>
        {
            var (id, threw, kind) = (a.Int32(0), a.Int32(1) != 0, a.Int32(2));
            var answer = kind switch
            {
                1 => new Answer(threw, a.String(3), null),
                2 => new Answer(threw, null, Bytes(a.Value(3))),
                _ => new Answer(threw, null, null),
            };
            if (_answers.Remove(id, out var pending)) pending.TrySetResult(answer);
        });
    }

    private static byte[] Bytes(JsValue view)
    {
        var bytes = new byte[V8Engine.ByteLength(view)];
        V8Engine.ReadBytes(view, 0, bytes);
        return bytes;
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> in the global scope (as indirect <c>eval</c>: a script, whose
    /// completion value is the result) and returns its value as <typeparamref name="T"/>: read from its
    /// JSON (<c>JSON.stringify</c>; undefined reads as JSON null), or for <c>byte[]</c> the bytes of the
    /// ArrayBuffer or typed array it is. A promise is not awaited: use <see cref="EvaluateAsync{T}(string, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="JsException">the expression threw (the run goes on).</exception>
    /// <exception cref="JsonException">the value does not read as <typeparamref name="T"/>.</exception>
    /// <exception cref="InvalidOperationException">the run has ended (exit() or an uncaught error).</exception>
    [RequiresUnreferencedCode(ReflectionJson), RequiresDynamicCode(ReflectionJson)]
    public T Evaluate<T>(string expression) => ReadReflection<T>(Now(Ask(Mode<T>(0), expression)));

    /// <summary>As <see cref="Evaluate{T}(string)"/>, reading the JSON with <paramref name="type"/> (trimming- and AOT-safe).</summary>
    public T Evaluate<T>(string expression, JsonTypeInfo<T> type) => Read(Now(Ask(Mode<T>(0), expression)), type);

    /// <summary>
    /// Evaluates <paramref name="expression"/> as <see cref="Evaluate{T}(string)"/> and, when the value is a
    /// promise (or thenable), runs the loop (idling on the clock provider) until it settles, then returns
    /// what it fulfilled with. Timers and I/O the program has pending go on meanwhile.
    /// </summary>
    /// <param name="expression">A script whose completion value is the result.</param>
    /// <param name="cancellation">Stops waiting between two loop turns (the run itself goes on).</param>
    /// <exception cref="JsException">the expression threw or the promise rejected.</exception>
    /// <exception cref="InvalidOperationException">the run ended, or nothing is left that could settle the promise.</exception>
    [RequiresUnreferencedCode(ReflectionJson), RequiresDynamicCode(ReflectionJson)]
    public Task<T> EvaluateAsync<T>(string expression, CancellationToken cancellation = default) =>
        Settle(Ask(Mode<T>(AnswerAsync), expression), ReadReflection<T>, cancellation);

    /// <summary>As <see cref="EvaluateAsync{T}(string, CancellationToken)"/>, reading the JSON with <paramref name="type"/>.</summary>
    public Task<T> EvaluateAsync<T>(string expression, JsonTypeInfo<T> type, CancellationToken cancellation = default) =>
        Settle(Ask(Mode<T>(AnswerAsync), expression), answer => Read(answer, type), cancellation);

    /// <summary>
    /// Calls the main module's exported function <paramref name="export"/> with <paramref name="args"/>
    /// (JSON values: <c>runtime.CallAsync&lt;int&gt;("add", 1, 2)</c>) and returns its result, awaiting
    /// it if it is a promise. Starts the program first if no turn has run, and waits for the main module
    /// (and its top-level await) to finish evaluating.
    /// </summary>
    /// <exception cref="JsException">the function threw or its promise rejected; a TypeError when there is no such export.</exception>
    /// <exception cref="InvalidOperationException">the run ended before or during the call.</exception>
    [RequiresUnreferencedCode(ReflectionJson), RequiresDynamicCode(ReflectionJson)]
    public Task<T> CallAsync<T>(string export, params JsonNode?[] args) => Call(export, args, ReadReflection<T>, Mode<T>(AnswerAsync | AnswerCall));

    /// <summary>As <see cref="CallAsync{T}(string, JsonNode?[])"/>, reading the JSON result with <paramref name="type"/>.</summary>
    public Task<T> CallAsync<T>(JsonTypeInfo<T> type, string export, params JsonNode?[] args) =>
        Call(export, args, answer => Read(answer, type), Mode<T>(AnswerAsync | AnswerCall));

    private async Task<T> Call<T>(string export, JsonNode?[] args, Func<Answer, T> read, int mode)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var json = new JsonArray(args).ToJsonString();
        await UntilMainEvaluated().ConfigureAwait(false);
        return await Settle(Ask(mode, export, json), read, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task UntilMainEvaluated()
    {
        while (!_context.MainSettled)
        {
            if (_context.ExitCode is { } code) throw Ended(code);
            var more = Tick();
            if (_context.MainSettled) break;
            if (!more || !await WaitForWorkAsync().ConfigureAwait(false))
                throw _context.ExitCode is { } ended ? Ended(ended) : new InvalidOperationException("the main module never finished evaluating");
        }
        if (_context.ExitCode is { } exit) throw Ended(exit);
    }

    private static int Mode<T>(int mode) => typeof(T) == typeof(byte[]) ? mode | AnswerBytes : mode;

    /// <summary>Runs one embedder request as a macrotask; the answer is there at once unless it awaits a promise.</summary>
    private Task<Answer> Ask(int mode, string source, string args = "[]")
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_context.ExitCode is { } code) throw Ended(code);
        // Before the first turn the loop has no time yet; timers the request starts count from now.
        if (!_started) _context.NewTurn(_context.Providers.Clock.MonotonicNowMs());
        var id = ++_nextAnswer;
        var answer = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _answers[id] = answer;
        (_embedderSource, _embedderArgs) = (source, args);
        try { Guard(() => _context.Engine.Dispatch((int)DispatchKind.Embedder, id * 8.0 + mode), fromEmbedder: true); }
        finally
        {
            (_embedderSource, _embedderArgs) = ("", "[]");
            _context.Providers.Console.Flush();
        }
        if (!answer.Task.IsCompleted && _context.ExitCode is { } ended)
        {
            _answers.Remove(id);
            throw Ended(ended);
        }
        return answer.Task;
    }

    private static Answer Now(Task<Answer> answer) =>
        answer.IsCompleted ? answer.Result : throw new InvalidOperationException("internal: a synchronous evaluation did not answer");

    /// <summary>Runs the loop until the answer comes (a promise settled), as <see cref="RunAsync"/> does.</summary>
    private async Task<T> Settle<T>(Task<Answer> answer, Func<Answer, T> read, CancellationToken cancellation)
    {
        using var wakeOnCancel = cancellation.Register(WakeQuietly);
        while (!answer.IsCompleted)
        {
            cancellation.ThrowIfCancellationRequested();
            var more = Tick();
            if (answer.IsCompleted) break;
            if (!more || !await WaitForWorkAsync().ConfigureAwait(false))
            {
                if (answer.IsCompleted) break;
                throw _context.ExitCode is { } code ? Ended(code) : new InvalidOperationException("the promise can never settle: the program has nothing left that could settle it");
            }
        }
        return read(answer.Result);
    }

    private static InvalidOperationException Ended(int code) => new($"the run has ended (exit code {code})");

    private static T Read<T>(Answer answer, JsonTypeInfo<T> type)
    {
        if (TryBytes(answer, out T? bytes)) return bytes!;
        return JsonSerializer.Deserialize(answer.Text ?? "null", type)!;
    }

    [RequiresUnreferencedCode(ReflectionJson), RequiresDynamicCode(ReflectionJson)]
    private static T ReadReflection<T>(Answer answer)
    {
        if (TryBytes(answer, out T? bytes)) return bytes!;
        return JsonSerializer.Deserialize<T>(answer.Text ?? "null")!;
    }

    private static bool TryBytes<T>(Answer answer, [MaybeNullWhen(false)] out T bytes)
    {
        if (answer.Threw)
        {
            var parts = (answer.Text ?? "").Split('\0', 3);
            throw new JsException(parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : null);
        }
        bytes = default;
        if (typeof(T) != typeof(byte[])) return false;
        bytes = (T)(object)(answer.Bytes ?? []);
        return true;
    }
}
