import GraphQL
import MariaDB
import Testing
@testable import Pipelines

@Suite struct PipelineLoadingTests {
    @Test func demoProjectLoadsWithoutProblems() throws {
        let set = try ShopProject.pipelines()
        #expect(set.pipelines.count == 21)
        #expect(set.warnings.isEmpty)
        let orders = try #require(set["Customer.orders"])
        #expect(orders.steps.map(\.kind) == [.validate, .sql])
        #expect(orders.location == FileLocation(file: "Resolvers/shop.yaml", line: 87, column: 1))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let errors: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown type", yaml: """
            Shop.customer:
              - value: 1
            """, errors: ["r.yaml:1:1: unknown type 'Shop'"]),
        Case(name: "unknown field", yaml: """
            Query.customr:
              - value: 1
            """, errors: ["r.yaml:1:1: type Query has no field 'customr'; did you mean 'customer'?"]),
        Case(name: "not Type.field", yaml: """
            customer:
              - value: 1
            """, errors: ["r.yaml:1:1: pipeline key 'customer' must be Type.field"]),
        Case(name: "steps not a list", yaml: """
            Query.customer: SELECT 1
            """, errors: ["r.yaml:1:17: Query.customer must be a non-empty list of steps, found a scalar"]),
        Case(name: "unknown step key", yaml: """
            Query.customer:
              - sql: SELECT id FROM customers WHERE id = :id
                params: { id: args.id }
                returns: one
                cache: 10
            """, errors: ["r.yaml:5:5: unknown key 'cache' in a sql step (it takes sql, params, datasource, "
                          + "returns, as, map, batch, when, return)"]),
        Case(name: "no step kind", yaml: """
            Query.customer:
              - when: true
            """, errors: ["r.yaml:2:5: step 1 needs one of sql, guard, validate, transform, value, transaction, "
                          + "enqueue or return"]),
        Case(name: "two kinds", yaml: """
            Query.customer:
              - sql: SELECT 1
                guard: true
            """, errors: ["r.yaml:2:5: step 1 has more than one kind: sql and guard; write one per step"]),
        Case(name: "wrong returns", yaml: """
            Query.customer:
              - sql: SELECT id FROM customers
                returns: all
            """, errors: ["r.yaml:3:14: returns must be one of one, many, scalar, exec; found 'all'"]),
        Case(name: "params wrong type", yaml: """
            Query.customer:
              - sql: SELECT id FROM customers
                params: [args.id]
                returns: one
            """, errors: ["r.yaml:3:13: params must be a mapping of names to expressions, found a list"]),
        Case(name: "unknown argument in expression", yaml: """
            Query.customer:
              - sql: SELECT id FROM customers WHERE id = :id
                params: { id: args.customerId }
                returns: one
            """, errors: ["r.yaml:3:19: unknown argument 'customerId' of Query.customer (it has id)"]),
        Case(name: "bad expression column", yaml: """
            Query.customer:
              - guard: "identity.sub != "
            """, errors: ["r.yaml:2:29: expected a value, found end of expression in expression `identity.sub != `"]),
        Case(name: "unknown root", yaml: """
            Query.customer:
              - guard: user.id != null
            """, errors: ["r.yaml:2:12: unknown name 'user': expressions read args, source, identity, headers, "
                          + "stash, prev or a name stored with `as`"]),
        Case(name: "unknown source field", yaml: """
            Customer.orders:
              - sql: SELECT id FROM orders WHERE customer_id IN (:keys)
                batch: { key: source.uid, column: customer_id }
            """, errors: ["r.yaml:3:19: Customer has no field or column 'uid' for source.uid"]),
        Case(name: "stash read before it is stored", yaml: """
            Query.customer:
              - return: stash.found
            """, errors: ["r.yaml:2:13: nothing is stored as 'found' before this step (steps store results with `as`)"]),
        Case(name: "unknown function and arity", yaml: """
            Query.customer:
              - guard: trim(args.id) == len()
            """, errors: ["r.yaml:2:12: unknown function 'trim()'; functions are now(), uuid(), lower(), upper(), "
                          + "len(), coalesce(), toJSON(), encodeCursor(), decodeCursor()",
                          "r.yaml:2:29: len() takes 1 argument, not 0"]),
        Case(name: "unknown data source", yaml: """
            Query.customer:
              - sql: SELECT id FROM customers WHERE id = :id
                params: { id: args.id }
                datasource: reports
                returns: one
            """, errors: ["r.yaml:4:17: unknown data source 'reports' (sluice.yaml defines main)"]),
        Case(name: "placeholder without value and unused param", yaml: """
            Query.customer:
              - sql: SELECT id FROM customers WHERE id = :id
                params: { ident: args.id }
                returns: one
            """, errors: ["r.yaml:2:46: placeholder :id has no value: add `id: <expression>` under params",
                          "r.yaml:3:15: parameter 'ident' is not used by the statement (no :ident in it)"]),
        Case(name: "question mark placeholder", yaml: """
            Query.customer:
              - sql: SELECT id FROM customers WHERE id = ?
                returns: one
            """, errors: ["r.yaml:2:46: write named placeholders (:name), not ?"]),
        Case(name: "result cannot fit the field", yaml: """
            Query.customer:
              - sql: SELECT id FROM customers
                returns: many
            """, errors: ["r.yaml:2:5: Query.customer returns Customer, but step 1 returns many rows; use returns: one"]),
        Case(name: "batch without keys placeholder", yaml: """
            Customer.orders:
              - sql: SELECT id FROM orders WHERE customer_id = 1
                batch: { key: source.id, column: customer_id }
            """, errors: ["r.yaml:2:10: a batched statement needs `IN (:keys)` where each parent's key goes"]),
        Case(name: "validate unknown argument and rule", yaml: """
            Query.customers:
              - validate:
                  last: { min: 1 }
                  first: { atLeast: 1 }
              - value: {}
            """, errors: ["r.yaml:3:7: unknown argument 'last' of Query.customers",
                          "r.yaml:4:16: unknown rule 'atLeast' (rules are min, max, minLength, maxLength, pattern, "
                          + "oneOf, message)"]),
        Case(name: "enqueue needs a queue", yaml: """
            Mutation.cancelOrder:
              - transaction:
                  - enqueue: { payload: { id: args.id } }
            """, errors: ["r.yaml:3:18: enqueue needs `queue:` (the queue's name)"]),
        Case(name: "YAML syntax", yaml: """
            Query.customer:
              - sql: [unclosed
            """, errors: ["r.yaml:3:1: YAML syntax error: did not find expected ',' or ']'"]),
        Case(name: "errors in several pipelines all reported", yaml: """
            Query.customer:
              - return: args.nope
            Query.product:
              - return: args.nada
            """, errors: ["r.yaml:2:13: unknown argument 'nope' of Query.customer (it has id)",
                          "r.yaml:4:13: unknown argument 'nada' of Query.product (it has id)"]),
    ]

    @Test(arguments: cases)
    func loadErrors(_ test: Case) throws {
        #expect(try ShopProject.loadErrors(test.yaml) == test.errors)
    }

    @Test func aStepWithoutDataSourceNeedsMain() throws {
        let config = ProjectConfig(dataSources: [
            "reports": ProjectConfig.DataSource(name: "reports", configuration: DatabaseConfig(user: "r")),
        ])
        let yaml = "Query.customer:\n  - sql: SELECT 1\n    returns: one\n"
        do {
            _ = try ShopProject.pipelines([("r.yaml", yaml)], config: config)
            Issue.record("loaded")
        } catch let error as LoadError {
            #expect(error.description == "r.yaml:2:5: this step uses the data source 'main', which sluice.yaml does "
                    + "not define; name one with `datasource:`")
        }
    }

    @Test func duplicatePipelinesAcrossFilesNameTheFirst() throws {
        let first = "Query.customer:\n  - return: null\n"
        #expect(throws: LoadError.self) { try ShopProject.pipelines([("a.yaml", first), ("b.yaml", first)]) }
        do {
            _ = try ShopProject.pipelines([("a.yaml", first), ("b.yaml", first)])
        } catch let error as LoadError {
            #expect(error.description == "b.yaml:1:1: Query.customer is already defined at a.yaml:1:1")
        }
    }
}
