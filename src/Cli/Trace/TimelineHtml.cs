namespace EsRuntime.Cli.Trace;

/// <summary>
/// `esrun trace FILE --html OUT`: one self-contained page (no network, no external files) with the
/// same timeline: a row per host, a track per lane, zoom (buttons, ctrl+wheel), the x axis by event
/// order or by time, and a details panel showing the payload of the event clicked. The data is the
/// <see cref="TimelineJson"/> document inside a JSON script element; the page builds the DOM with
/// textContent only, so trace text is never interpreted as markup.
/// </summary>
internal static class TimelineHtml
{
    public static string Render(Timeline timeline)
    {
        var data = TimelineJson.Render(timeline, indented: false);
        return Page.Replace("/*DATA*/", data, StringComparison.Ordinal);
    }

    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>esrun trace timeline</title>
        <style>
          body { font: 13px/1.4 system-ui, sans-serif; margin: 0; color: #1b1f24; background: #fafafa; }
          header { padding: 10px 16px; background: #24292f; color: #fff; }
          header h1 { font-size: 15px; margin: 0 0 4px; }
          #summary { font-family: ui-monospace, monospace; font-size: 12px; opacity: .85; }
          #controls { padding: 8px 16px; display: flex; gap: 8px; align-items: center; border-bottom: 1px solid #ddd; background: #fff; }
          #scroller { overflow: auto; border-bottom: 1px solid #ddd; background: #fff; }
          #canvas { position: relative; }
          .host-row { position: relative; border-top: 2px solid #8c959f; }
          .host-label { position: sticky; left: 0; z-index: 2; display: inline-block; background: #eaeef2; padding: 1px 6px; font-weight: 600; }
          .lane { position: relative; height: 22px; border-top: 1px dotted #d0d7de; }
          .lane-label { position: sticky; left: 0; z-index: 1; font-size: 11px; color: #57606a; background: rgba(255,255,255,.85); padding: 0 4px; }
          .event { position: absolute; top: 4px; width: 8px; height: 14px; border-radius: 2px; cursor: pointer; opacity: .85; }
          .event:hover, .event.selected { opacity: 1; outline: 2px solid #0969da; }
          #details { margin: 0; padding: 10px 16px; font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
        </style>
        </head>
        <body>
        <header><h1>esrun trace timeline</h1><div id="summary"></div></header>
        <div id="controls">
          <label>x axis <select id="axis"><option value="order">event order</option><option value="time">time (ms)</option></select></label>
          <button id="zoom-in" type="button">zoom in</button>
          <button id="zoom-out" type="button">zoom out</button>
          <button id="zoom-fit" type="button">fit</button>
          <span id="zoom-level"></span>
          <span>click an event to see its payload; ctrl + wheel zooms</span>
        </div>
        <div id="scroller"><div id="canvas"></div></div>
        <pre id="details">No event selected.</pre>
        <script type="application/json" id="trace-data">/*DATA*/</script>
        <script>
        "use strict";
        const trace = JSON.parse(document.getElementById("trace-data").textContent);
        const canvas = document.getElementById("canvas");
        const scroller = document.getElementById("scroller");
        const details = document.getElementById("details");
        const zoomLevel = document.getElementById("zoom-level");
        const palette = ["#0969da", "#1a7f37", "#9a6700", "#cf222e", "#8250df", "#bf3989", "#1b7c83", "#57606a", "#bc4c00"];
        const lanes = [...new Set(trace.events.map((e) => e.lane))];
        const colour = (lane) => palette[lanes.indexOf(lane) % palette.length];
        const h = trace.header;
        document.getElementById("summary").textContent =
          `${h.program ?? "-e " + h.evalCode} — mode ${h.mode}${h.seed !== null ? ", seed " + h.seed : ""}, esrun ${h.esrunVersion}, ` +
          `${trace.events.length} events, ${trace.end.truncated ? "cut short" : "exit code " + trace.end.exitCode}`;

        let scale = 1;       // pixels per unit of the x axis
        let axis = "order";
        const margin = 90;   // room for the sticky labels
        const position = (e) => axis === "time" ? e.timeMs : e.index;
        const extent = () => Math.max(1, ...trace.events.map(position));
        function fit() { scale = Math.max(0.01, (scroller.clientWidth - margin - 30) / extent()); }

        function render() {
          canvas.replaceChildren();
          canvas.style.width = `${margin + extent() * scale + 30}px`;
          for (const host of trace.hosts) {
            const row = document.createElement("div");
            row.className = "host-row";
            row.dataset.host = host;
            const label = document.createElement("div");
            label.className = "host-label";
            label.textContent = host;
            row.append(label);
            for (const lane of lanes) {
              const events = trace.events.filter((e) => e.host === host && e.lane === lane);
              if (events.length === 0) continue;
              const track = document.createElement("div");
              track.className = "lane";
              const laneLabel = document.createElement("span");
              laneLabel.className = "lane-label";
              laneLabel.textContent = lane;
              track.append(laneLabel);
              for (const e of events) {
                const mark = document.createElement("div");
                mark.className = "event";
                mark.dataset.index = String(e.index);
                mark.dataset.kind = e.kind;
                mark.title = `#${e.index} ${e.timeMs} ms: ${e.description}`;
                mark.style.left = `${margin + position(e) * scale}px`;
                mark.style.background = colour(lane);
                mark.addEventListener("click", () => select(e, mark));
                track.append(mark);
              }
              row.append(track);
            }
            canvas.append(row);
          }
          zoomLevel.textContent = `${scale.toFixed(scale < 1 ? 3 : 1)} px per ${axis === "time" ? "ms" : "event"}`;
        }

        function select(e, mark) {
          for (const m of canvas.querySelectorAll(".event.selected")) m.classList.remove("selected");
          mark.classList.add("selected");
          details.textContent = JSON.stringify(e, null, 2);
        }

        function zoom(factor) { scale = Math.min(400, Math.max(0.001, scale * factor)); render(); }
        document.getElementById("zoom-in").addEventListener("click", () => zoom(2));
        document.getElementById("zoom-out").addEventListener("click", () => zoom(0.5));
        document.getElementById("zoom-fit").addEventListener("click", () => { fit(); render(); });
        document.getElementById("axis").addEventListener("change", (event) => { axis = event.target.value; fit(); render(); });
        scroller.addEventListener("wheel", (event) => {
          if (!event.ctrlKey) return;
          event.preventDefault();
          zoom(event.deltaY < 0 ? 1.25 : 0.8);
        }, { passive: false });
        fit();
        render();
        document.body.dataset.ready = "true";
        </script>
        </body>
        </html>
        """;
}
