using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using EsRuntime.Http;

namespace EsRuntime.Bench;

/// <summary>
/// The HTTP/1.1 codec per message: parsing a typical browser GET on a keep-alive connection
/// (head, fields as strings, end; answered with a bodiless 204 so the next one is read), and
/// writing a typical small response (status line, two fields, Date, Content-Length, 13-byte body).
/// </summary>
[MemoryDiagnoser]
public class HttpCodecBenchmarks
{
    private static readonly byte[] Request = Encoding.ASCII.GetBytes(
        "GET /api/items?page=2 HTTP/1.1\r\n" +
        "Host: localhost:8080\r\n" +
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n" +
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n" +
        "Accept-Language: en-US,en;q=0.5\r\n" +
        "Accept-Encoding: gzip, deflate, br\r\n" +
        "Connection: keep-alive\r\n" +
        "Cookie: session=0123456789abcdef; theme=dark\r\n" +
        "Upgrade-Insecure-Requests: 1\r\n" +
        "Sec-Fetch-Dest: document\r\n" +
        "Sec-Fetch-Mode: navigate\r\n" +
        "\r\n");

    private static readonly byte[] Body = Encoding.ASCII.GetBytes("Hello, World!");
    private static readonly HttpField[] Fields = [new("Content-Type", "text/plain;charset=UTF-8"), new("Cache-Control", "no-store")];

    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private HttpServerConnection _parsing = null!;
    private HttpServerConnection _writing = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parsing = new HttpServerConnection(HttpLimits.Default, 0);
        _writing = new HttpServerConnection(HttpLimits.Default, 0);
    }

    [Benchmark(Description = "parse a typical GET (11 fields)")]
    public int ParseRequest()
    {
        _parsing.Receive(Request, 0);
        var head = _parsing.Next();
        var end = _parsing.Next();
        _output.ResetWrittenCount();
        _parsing.BeginResponse(_output, 204, null, [], 0, 0);
        _parsing.EndResponse(_output, 0);
        return head.Head!.Fields.Count + (int)end.Kind;
    }

    [Benchmark(Description = "parse a one-field GET, answer 204 (the floor of the next one)")]
    public int ParseMinimalRequest()
    {
        _writing.Receive("GET / HTTP/1.1\r\nHost: h\r\n\r\n"u8, 0);
        _writing.Next();
        var end = _writing.Next();
        _output.ResetWrittenCount();
        _writing.BeginResponse(_output, 204, null, [], 0, 0);
        _writing.EndResponse(_output, 0);
        return (int)end.Kind;
    }

    [Benchmark(Description = "one-field GET, then write a typical 200 response (13-byte body)")]
    public int WriteResponse()
    {
        // A bodiless one-line request keeps the parsing share of this benchmark small.
        _writing.Receive("GET / HTTP/1.1\r\nHost: h\r\n\r\n"u8, 0);
        _writing.Next();
        _writing.Next();
        _output.ResetWrittenCount();
        _writing.BeginResponse(_output, 200, null, Fields, Body.Length, 1_700_000_000_000);
        _writing.WriteBody(_output, Body);
        _writing.EndResponse(_output, 1_700_000_000_000);
        return _output.WrittenCount;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _parsing.Dispose();
        _writing.Dispose();
    }
}
