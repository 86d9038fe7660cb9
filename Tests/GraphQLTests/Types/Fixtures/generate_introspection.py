"""Generates the introspection fixtures for kitchen-sink.graphql with graphql-core 3.2.8.

Run from this directory: python3 generate_introspection.py
It writes kitchen-sink.introspection.json (the data of the full introspection query) and
kitchen-sink.client.graphql (the SDL graphql-core prints after build_client_schema of that data),
and shop.printed.graphql (graphql-core's print of the repository's demo schema, Schema/*.graphql).
"""
import glob
import json

import graphql
from graphql import build_client_schema, build_schema, get_introspection_query, graphql_sync, print_schema

assert graphql.__version__ == "3.2.8", graphql.__version__

with open("kitchen-sink.graphql", encoding="utf-8") as file:
    schema = build_schema(file.read())
errors = graphql.validate_schema(schema)
assert not errors, errors

query = get_introspection_query(
    descriptions=True,
    specified_by_url=True,
    directive_is_repeatable=True,
    schema_description=True,
    input_value_deprecation=True,
    input_object_one_of=True,
)
result = graphql_sync(schema, query)
assert not result.errors, result.errors

with open("kitchen-sink.introspection.json", "w", encoding="utf-8") as file:
    json.dump(result.data, file, indent=2, ensure_ascii=False)
    file.write("\n")

with open("kitchen-sink.client.graphql", "w", encoding="utf-8") as file:
    file.write(print_schema(build_client_schema(result.data)) + "\n")

demo = "".join(open(path, encoding="utf-8").read() for path in sorted(glob.glob("../../../../Schema/*.graphql")))
with open("shop.printed.graphql", "w", encoding="utf-8") as file:
    file.write(print_schema(build_schema(demo)) + "\n")
