-- One customer by id: the gateway's per-request overhead on the smallest useful query.
dofile(os.getenv("SLUICE_LOAD_DIR") .. "/body.lua")
post_body("point-lookup")
dofile(os.getenv("SLUICE_LOAD_DIR") .. "/report.lua")
