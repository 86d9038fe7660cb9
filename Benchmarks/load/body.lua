-- Shared by the query scripts: POST the GraphQL-over-HTTP body of queries/NAME.json, the file the
-- direct-SQL baseline also reads, so both servers answer exactly the same request.
function post_body(name)
    local file = assert(io.open(os.getenv("SLUICE_LOAD_DIR") .. "/queries/" .. name .. ".json", "r"))
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.body = file:read("*a")
    file:close()
end
