-- The HTTP floor: the same server's plainest route, no GraphQL work at all.
wrk.method = "GET"
wrk.path = "/healthz"

dofile(os.getenv("SLUICE_LOAD_DIR") .. "/report.lua")
