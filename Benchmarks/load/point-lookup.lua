-- One customer by id: the gateway's per-request overhead on the smallest useful query.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"query Point($id: ID!) { customer(id: $id) { id name email } }","variables":{"id":"1"}}'

dofile(os.getenv("SLUICE_LOAD_DIR") .. "/report.lua")
