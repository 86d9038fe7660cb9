/// A small, self-contained explorer for developers: query editor, variables, headers, run,
/// result, and a schema browser fed by introspection. Everything is inline, so it works offline.
/// It is off by default; production servers should leave it off.
enum ExplorerPage {
    /// A browser navigating to the endpoint, not a GraphQL client.
    static func wanted(by accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.split(separator: ",").contains {
            $0.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "text/html"
        }
    }

    static func html(endpoint: String) -> String {
        let escaped = endpoint.unicodeScalars.map { scalar -> String in
            scalar.isASCII && (scalar.properties.isAlphabetic || "/-_.0123456789".unicodeScalars.contains(scalar))
                ? String(scalar) : "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
        }.joined()
        return template.replacingOccurrences(of: "__ENDPOINT__", with: escaped)
    }

    private static let template = #"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Sluice explorer</title>
        <style>
        body{margin:0;font:14px system-ui,sans-serif;display:grid;grid-template-columns:260px 1fr 1fr;height:100vh}
        aside{border-right:1px solid #ccc;overflow:auto;padding:8px;background:#f7f7f9}
        section{display:flex;flex-direction:column;padding:8px;gap:6px;min-width:0}
        textarea,pre{font:13px ui-monospace,monospace;border:1px solid #ccc;border-radius:4px;padding:6px;margin:0}
        textarea{resize:vertical}#query{flex:1}#result{flex:1;overflow:auto;background:#fbfbfb;white-space:pre-wrap}
        button{padding:6px 14px;font-weight:600;cursor:pointer}h2{font-size:13px;margin:6px 0;color:#555}
        details{margin:2px 0}summary{cursor:pointer;font-family:ui-monospace,monospace}
        .f{font-family:ui-monospace,monospace;padding-left:14px;color:#333}.t{color:#a0522d}#status{color:#555}
        </style></head><body>
        <aside><h2>Schema</h2><div id="schema">Loading…</div></aside>
        <section><h2>Query</h2><textarea id="query" spellcheck="false">{ __typename }</textarea>
        <h2>Variables (JSON)</h2><textarea id="variables" rows="4" spellcheck="false">{}</textarea>
        <h2>Headers (JSON)</h2><textarea id="headers" rows="3" spellcheck="false">{}</textarea>
        <div><button id="run">Run ▶</button> <span id="status"></span></div></section>
        <section><h2>Result</h2><pre id="result"></pre></section>
        <script>
        const endpoint = "__ENDPOINT__";
        const $ = (id) => document.getElementById(id);
        function parseJSON(id) { const t = $(id).value.trim(); return t ? JSON.parse(t) : {}; }
        async function post(query, variables, headers) {
          const response = await fetch(endpoint, {method: "POST", headers: Object.assign({
            "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json"},
            headers), body: JSON.stringify({query, variables})});
          return {status: response.status, body: await response.json()};
        }
        async function run() {
          $("status").textContent = "Running…";
          try {
            const started = performance.now();
            const {status, body} = await post($("query").value, parseJSON("variables"), parseJSON("headers"));
            $("result").textContent = JSON.stringify(body, null, 2);
            $("status").textContent = "HTTP " + status + " in " + Math.round(performance.now() - started) + " ms";
          } catch (error) { $("status").textContent = String(error); }
        }
        function typeName(t) { return t.kind === "NON_NULL" ? typeName(t.ofType) + "!"
          : t.kind === "LIST" ? "[" + typeName(t.ofType) + "]" : t.name; }
        async function loadSchema() {
          const query = "{ __schema { queryType { name } mutationType { name } types { name kind " +
            "fields { name type { ...T } } inputFields { name type { ...T } } enumValues { name } } } } " +
            "fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
          try {
            const {body} = await post(query, {}, parseJSON("headers"));
            if (!body.data) { $("schema").textContent = body.errors.map((e) => e.message).join("\n"); return; }
            const root = $("schema"); root.textContent = "";
            for (const type of body.data.__schema.types.filter((t) => !t.name.startsWith("__"))) {
              const details = document.createElement("details");
              const summary = document.createElement("summary");
              summary.textContent = type.name + " (" + type.kind.toLowerCase() + ")";
              details.appendChild(summary);
              for (const field of type.fields || type.inputFields || type.enumValues || []) {
                const line = document.createElement("div"); line.className = "f";
                line.textContent = field.name;
                if (field.type) { const t = document.createElement("span"); t.className = "t";
                  t.textContent = ": " + typeName(field.type); line.appendChild(t); }
                details.appendChild(line);
              }
              root.appendChild(details);
            }
          } catch (error) { $("schema").textContent = String(error); }
        }
        $("run").addEventListener("click", run);
        document.addEventListener("keydown", (e) => { if ((e.ctrlKey || e.metaKey) && e.key === "Enter") run(); });
        loadSchema();
        // `#run=<query>` fills the editor and runs it: links and headless checks use it.
        const link = new URLSearchParams(location.hash.slice(1));
        if (link.has("run")) { if (link.get("run")) $("query").value = link.get("run"); run(); }
        </script></body></html>
        """#
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
