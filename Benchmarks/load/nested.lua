-- A customer with orders, items and products: three levels that batched pipelines answer with
-- one statement each.
dofile(os.getenv("SLUICE_LOAD_DIR") .. "/body.lua")
post_body("nested")
dofile(os.getenv("SLUICE_LOAD_DIR") .. "/report.lua")
