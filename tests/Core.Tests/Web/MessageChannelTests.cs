namespace EsRuntime.Tests.Web;

/// <summary>MessageChannel, MessagePort and MessageEvent (src/Core/Web/Messaging/message_channel.js).</summary>
public class MessageChannelTests
{
    private static void Expect(string code, string stdout)
    {
        var r = JsHarness.Run(code);
        Assert.Equal("", r.Stderr);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void MessagesAreClonedAndDeliveredAsTasks()
    {
        Expect("""
            const { port1, port2 } = new MessageChannel();
            const sent = { list: [1, 2], when: new Date(0), map: new Map([["k", "v"]]) };
            port2.onmessage = (e) => {
              console.log("got", JSON.stringify(e.data.list), e.data !== sent, e.data.when instanceof Date, e.data.map.get("k"));
              console.log(e instanceof MessageEvent, e.type, e.origin === "", e.lastEventId === "", e.source, e.ports.length, e.isTrusted, e.target === port2);
            };
            port1.postMessage(sent);
            sent.list.push(3);
            console.log("posted");
            """,
            "posted\ngot [1,2] true true v\ntrue message true true null 0 true true\n");
    }

    [Fact]
    public void OrderIsPostingOrderWithAMicrotaskCheckpointBetweenMessages()
    {
        Expect("""
            const { port1, port2 } = new MessageChannel();
            port2.onmessage = (e) => {
              console.log("message", e.data);
              queueMicrotask(() => console.log("microtask after", e.data));
            };
            for (let i = 0; i < 3; i++) port1.postMessage(i);
            Promise.resolve().then(() => console.log("microtask of the main module"));
            """,
            "microtask of the main module\nmessage 0\nmicrotask after 0\nmessage 1\nmicrotask after 1\nmessage 2\nmicrotask after 2\n");
    }

    [Fact]
    public void BothDirectionsAndAcrossChannelsInPostingOrder()
    {
        Expect("""
            const a = new MessageChannel(), b = new MessageChannel();
            const log = (name) => (e) => console.log(name, e.data);
            a.port1.onmessage = log("a1"); a.port2.onmessage = log("a2");
            b.port1.onmessage = log("b1"); b.port2.onmessage = log("b2");
            a.port1.postMessage(1); b.port2.postMessage(2); a.port2.postMessage(3); b.port1.postMessage(4);
            """, "a2 1\nb1 2\na1 3\nb2 4\n");
    }

    [Fact]
    public void DeepTimerNestingDoesNotDelayMessages()
    {
        Expect("""
            const { port1, port2 } = new MessageChannel();
            let count = 0;
            port2.onmessage = (e) => {
              if (++count < 20) port1.postMessage(count);
              else console.log("20 messages by", performance.now());
            };
            function nest(level) { if (level < 8) setTimeout(() => nest(level + 1), 0); else port1.postMessage(0); }
            nest(0);
            """, "20 messages by 12\n");
    }

    [Fact]
    public void PortQueueStartsDisabledUntilStartOrOnmessage()
    {
        Expect("""
            const { port1, port2 } = new MessageChannel();
            port2.addEventListener("message", (e) => console.log("listener", e.data));
            port1.postMessage("queued 1");
            port1.postMessage("queued 2");
            setTimeout(() => { console.log("starting"); port2.start(); port2.start(); }, 10);
            const c = new MessageChannel();
            c.port1.postMessage("before onmessage");
            setTimeout(() => { c.port2.onmessage = (e) => console.log("onmessage", e.data); }, 20);
            """, "starting\nlistener queued 1\nlistener queued 2\nonmessage before onmessage\n");
    }

    [Fact]
    public void ArrayBuffersInTheTransferListAreDetachedAtTheSender()
    {
        Expect("""
            const { port1, port2 } = new MessageChannel();
            const buffer = new Uint8Array([1, 2, 3]).buffer;
            const view = new Uint8Array(buffer);
            port2.onmessage = (e) => console.log("received", e.data.byteLength, e.data instanceof ArrayBuffer || Array.from(new Uint8Array(e.data.buf)).join(), e.data.buf === e.data.same);
            port1.postMessage({ buf: buffer, same: buffer, byteLength: 3 }, [buffer]);
            console.log("sender", buffer.byteLength, buffer.detached, view.length);
            const other = new ArrayBuffer(2);
            port1.postMessage(other, { transfer: [other] });
            console.log("options form", other.detached);
            """, "sender 0 true 0\noptions form true\nreceived 3 1,2,3 true\nreceived 2 true true\n");
    }

    [Fact]
    public void CloneErrorsThrowAndDetachNothing()
    {
        Expect("""
            const { port1, port2 } = new MessageChannel();
            port2.onmessage = () => console.log("should not arrive");
            const buffer = new ArrayBuffer(4);
            try { port1.postMessage({ f() {} , buffer }, [buffer]); } catch (e) { console.log(e.name, buffer.detached); }
            try { port1.postMessage(1, [port1]); } catch (e) { console.log(e.name); }
            try { port1.postMessage(1, [buffer, buffer]); } catch (e) { console.log(e.name); }
            try { port1.postMessage(); } catch (e) { console.log(e.name); }
            try { port1.postMessage(1, 5); } catch (e) { console.log(e.name); }
            """, "DataCloneError false\nDataCloneError\nDataCloneError\nTypeError\nTypeError\n");
    }

    [Fact]
    public void CloseDropsMessages()
    {
        Expect("""
            const a = new MessageChannel();
            a.port1.onmessage = () => console.log("to closed port: should not arrive");
            a.port1.close();
            a.port2.postMessage("x");
            const b = new MessageChannel();
            b.port1.onmessage = () => console.log("from closed port: should not arrive");
            b.port2.close();
            b.port2.postMessage("x");
            const c = new MessageChannel();
            c.port1.onmessage = (e) => console.log("in flight from a port closed afterwards:", e.data);
            c.port2.postMessage("delivered");
            c.port2.close();
            const d = new MessageChannel();
            d.port1.onmessage = (e) => { console.log("first", e.data); d.port1.close(); };
            d.port2.postMessage(1);
            d.port2.postMessage(2);
            setTimeout(() => console.log("end"), 10);
            """, "in flight from a port closed afterwards: delivered\nfirst 1\nend\n");
    }

    [Fact]
    public void PortsCanBeTransferred()
    {
        Expect("""
            const main = new MessageChannel();
            const side = new MessageChannel();
            side.port1.onmessage = (e) => console.log("side.port1 got", e.data);
            side.port2.postMessage("queued before the transfer");
            main.port2.onmessage = (e) => {
              console.log("ports", e.ports.length, e.ports[0] instanceof MessagePort, e.ports[0] === side.port1, Object.isFrozen(e.ports));
              e.ports[0].onmessage = (m) => console.log("moved port got", m.data);
              side.port2.postMessage("after the transfer");
            };
            main.port1.postMessage("here is a port", [side.port1]);
            side.port1.postMessage("old object is disentangled");
            try { main.port1.postMessage("again", [side.port1]); } catch (e) { console.log(e.name); }
            """,
            "DataCloneError\nports 1 true false true\nmoved port got queued before the transfer\nmoved port got after the transfer\n");
    }

    [Fact]
    public void MessageEventConstructor()
    {
        Expect("""
            const { port1 } = new MessageChannel();
            const e = new MessageEvent("message", { data: { a: 1 }, origin: "o", lastEventId: "7", source: port1, ports: [port1], bubbles: true });
            console.log(e.data.a, e.origin, e.lastEventId, e.source === port1, e.ports[0] === port1, e.ports === e.ports, Object.isFrozen(e.ports), e.bubbles);
            const d = new MessageEvent("x");
            console.log(d.data, JSON.stringify(d.origin), JSON.stringify(d.lastEventId), d.source, d.ports.length);
            for (const f of [() => new MessageEvent(), () => new MessageEvent("x", { source: {} }), () => new MessageEvent("x", { ports: [1] }), () => new MessageEvent("x", { ports: 1 })]) {
              try { f(); console.log("ok"); } catch (err) { console.log(err.name); }
            }
            d.initMessageEvent("y", false, true, "data", "origin", "id", null, []);
            console.log(d.type, d.cancelable, d.data, d.origin, d.lastEventId);
            console.log(MessageEvent.length, MessageEvent.prototype.initMessageEvent.length, Object.prototype.toString.call(d));
            console.log(Object.keys(MessageEvent.prototype).join());
            """,
            "1 o 7 true true true true true\nnull \"\" \"\" null 0\nTypeError\nTypeError\nTypeError\nTypeError\ny true data origin id\n" +
            "1 1 [object MessageEvent]\ndata,origin,lastEventId,source,ports,initMessageEvent\n");
    }

    [Fact]
    public void WebIdlShapeOfChannelAndPort()
    {
        Expect("""
            try { new MessagePort(); } catch (e) { console.log(e.name); }
            const c = new MessageChannel();
            console.log(MessageChannel.length, MessagePort.length, MessagePort.prototype.postMessage.length);
            console.log(c.port1 === c.port1, c.port1 !== c.port2, c.port1 instanceof EventTarget);
            console.log(Object.keys(MessageChannel.prototype).join(), Object.keys(MessagePort.prototype).join());
            console.log(Object.prototype.toString.call(c), Object.prototype.toString.call(c.port1));
            try { Object.getOwnPropertyDescriptor(MessageChannel.prototype, "port1").get.call({}); } catch (e) { console.log(e.name); }
            try { MessagePort.prototype.postMessage.call(new EventTarget(), 1); } catch (e) { console.log(e.name); }
            console.log(c.port1.onmessage, c.port1.onmessageerror);
            """,
            "TypeError\n0 0 1\ntrue true true\nport1,port2 postMessage,start,close,onmessage,onmessageerror\n[object MessageChannel] [object MessagePort]\nTypeError\nTypeError\nnull null\n");
    }

    [Fact]
    public void ListenerErrorsInOnmessageAreReported()
    {
        var r = JsHarness.Run("""
            const { port1, port2 } = new MessageChannel();
            port2.onmessage = () => { throw new Error("in onmessage"); };
            port1.postMessage(1);
            """);
        Assert.StartsWith("error: Uncaught Error: in onmessage\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void IdlePortsDoNotKeepTheProgramAlive()
    {
        Expect("""
            const { port1, port2 } = new MessageChannel();
            port2.onmessage = (e) => console.log(e.data);
            port1.postMessage("only message");
            """, "only message\n");
    }
}
