namespace EsRuntime.Tests.Web;

/// <summary>structuredClone of platform objects: Blob and File serialize; navigator and FormData do not.</summary>
public class PlatformCloneTests
{
    [Fact]
    public void BlobAndFileCloneWithTheirBytesAndMetadata()
    {
        var r = JsHarness.Run("""
            const b = structuredClone(new Blob(["hi"], { type: "text/plain" }));
            const f = structuredClone(new File(["x"], "a.txt", { lastModified: 5, type: "text/x" }));
            const shared = structuredClone([b, b]);
            console.log(b instanceof Blob, b.type, await b.text(), f instanceof File, f.name, f.lastModified, f.type, await f.text(), shared[0] === shared[1]);
            """);
        Assert.Equal("true text/plain hi true a.txt 5 text/x x true\n", r.Stdout);
    }

    [Fact]
    public void NavigatorAndFormDataAreNotCloneable()
    {
        var r = JsHarness.Run("""
            for (const v of [navigator, new FormData()]) {
              try { structuredClone(v); console.log("cloned?!"); } catch (e) { console.log(e.name, e.code); }
            }
            """);
        Assert.Equal("DataCloneError 25\nDataCloneError 25\n", r.Stdout);
    }
}
