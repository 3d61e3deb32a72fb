namespace EsRuntime.Tests.Web;

/// <summary>navigator (src/Core/Web/Navigator).</summary>
public class NavigatorTests
{
    [Fact]
    public void UserAgentNamesTheRuntimeAndItsVersion()
    {
        var r = JsHarness.Run("""
            console.log(navigator.userAgent, self.navigator === navigator, navigator instanceof Navigator);
            console.log(Object.prototype.toString.call(navigator), Object.keys(Navigator.prototype).join());
            console.log("hardwareConcurrency" in navigator, "language" in navigator, "platform" in navigator);
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("esrun/0.1.0 true true\n[object Navigator] userAgent\nfalse false false\n", r.Stdout);
    }

    [Fact]
    public void NavigatorHasNoPublicConstructorAndABrandCheckedGetter()
    {
        var r = JsHarness.Run("""
            try { new Navigator(); } catch (e) { console.log(e.name, e.message); }
            const get = Object.getOwnPropertyDescriptor(Navigator.prototype, "userAgent").get;
            console.log(get.name, get.call(navigator));
            try { get.call({}); } catch (e) { console.log(e.name); }
            const d = Object.getOwnPropertyDescriptor(globalThis, "navigator");
            console.log(typeof d.get, d.set, d.enumerable, d.configurable, Navigator.length);
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("TypeError Illegal constructor\nget userAgent esrun/0.1.0\nTypeError\nfunction undefined false true 0\n", r.Stdout);
    }

    [Fact]
    public void VersionComesFromTheAssembly() =>
        Assert.Equal("0.1.0", EsRuntime.Web.Navigator.NavigatorOps.Version);
}
