import Foundation
import Hummingbird
import Logging
import MariaDB
import Pipelines

// The load script's baseline: an HTTP server on the same stack (Hummingbird) that answers each of
// the load script's request bodies by sending the very statements the gateway sends for it,
// directly through the MariaDB module's pool, and writing the rows as JSON. No GraphQL parse,
// validation, execution or pipeline runs per request, so wrk's figures against this server
// against `sluice serve` give the gateway's own cost.
//
// Usage: DB_URL=mysql://... DirectSQLBaseline PROJECT_DIR QUERIES_DIR PORT
// Serves POST /NAME for every QUERIES_DIR/NAME.json (a GraphQL-over-HTTP body).

let arguments = CommandLine.arguments
guard arguments.count == 4, let port = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: DB_URL=... DirectSQLBaseline PROJECT_DIR QUERIES_DIR PORT\n".utf8))
    exit(2)
}
var logger = Logger(label: "sluice.direct-sql")
logger.logLevel = .warning
let environment = ProcessInfo.processInfo.environment
let project = try PipelineProject.load(root: arguments[1], environment: environment)
let dataSources = DataSources(config: project.config, logger: logger)
guard let pool = dataSources.pools["main"] else {
    FileHandle.standardError.write(Data("the project has no `main` data source\n".utf8))
    exit(2)
}

var recorded: [String: RecordedRequest] = [:]
let queries = URL(fileURLWithPath: arguments[2])
for file in try FileManager.default.contentsOfDirectory(atPath: queries.path) where file.hasSuffix(".json") {
    let name = String(file.dropLast(".json".count))
    let body = try String(contentsOf: queries.appendingPathComponent(file), encoding: .utf8)
    let request = try await RecordedRequest.record(name: name, body: body, project: project, dataSources: dataSources)
    recorded[name] = request
    FileHandle.standardError.write(Data("\(name): \(request.statements.count) statements\n".utf8))
}
let requests = recorded

let router = Router()
router.post("/:name") { request, context -> Response in
    _ = try await request.body.collect(upTo: 1 << 20)
    guard let name = context.parameters.get("name"), let recorded = requests[name] else {
        return Response(status: .notFound)
    }
    var json = RowJSON()
    json.append("{\"data\":[")
    for (index, statement) in recorded.statements.enumerated() {
        if index > 0 { json.append(",") }
        json.append(try await pool.query(statement.sql, statement.binds))
    }
    json.append("]}")
    return Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.bytes)))
}
let app = Application(
    router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
    logger: logger)
try await app.runService()
