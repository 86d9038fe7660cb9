-- A customer with orders, items and products: three levels that batched pipelines answer with
-- one statement each.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"query Nested($id: ID!) { customer(id: $id) { id name orders(first: 10) { id status total '
    .. 'items { quantity unitPrice product { id name price } } } } }","variables":{"id":"1"}}'

dofile(os.getenv("SLUICE_LOAD_DIR") .. "/report.lua")
