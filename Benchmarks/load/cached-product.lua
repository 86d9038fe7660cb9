-- One product by id, answered from the per-field result cache after the first request.
dofile(os.getenv("SLUICE_LOAD_DIR") .. "/body.lua")
post_body("cached-product")
dofile(os.getenv("SLUICE_LOAD_DIR") .. "/report.lua")
