'use strict';
(function () {
  // Reads a stream to the end and resolves with its chunks.
  function readableStreamToArray(readable, reader) {
    if (reader === undefined) reader = readable.getReader();
    const chunks = [];
    const pump = () => reader.read().then(({ value, done }) => {
      if (done) return chunks;
      chunks.push(value);
      return pump();
    });
    return pump();
  }

  // A stream whose pull() produces 1, 2, ... limit, then closes; { async: true } delays each step.
  function sequentialReadableStream(limit, options) {
    const run = options && options.async ? (f) => step_timeout(f, 0) : (f) => f();
    const source = { current: 0, limit, opened: false, closed: false };
    const stream = new ReadableStream({
      start() {
        return new Promise((resolve) => run(() => { source.opened = true; resolve(); }));
      },
      pull(c) {
        return new Promise((resolve) => run(() => {
          if (++source.current <= limit) {
            c.enqueue(source.current);
            resolve();
          } else {
            run(() => {
              source.closed = true;
              c.close();
              resolve();
            });
          }
        }));
      },
    });
    stream.source = source;
    return stream;
  }

  function transferArrayBufferView(view) {
    return structuredClone(view, { transfer: [view.buffer] });
  }

  self.readableStreamToArray = readableStreamToArray;
  self.sequentialReadableStream = sequentialReadableStream;
  self.transferArrayBufferView = transferArrayBufferView;
}());
