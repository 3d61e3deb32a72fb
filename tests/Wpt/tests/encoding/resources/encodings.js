// META: shared=encoding/encodings.json
// encodings_table, as upstream's encoding/resources/encodings.js, read from the Encoding Standard's
// encodings.json in ../shared (injected by the runner).
const encodings_table = wpt_resource("encoding/encodings.json");
