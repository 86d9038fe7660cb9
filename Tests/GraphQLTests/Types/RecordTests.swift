import Synchronization
import Testing
@testable import GraphQL

@Suite struct RecordTests {
    /// A table over `rows`, keyed by `keys`, that counts the values it makes.
    final class Rows: Sendable {
        let keys: [String]
        let rows: [[GraphQLValue]]
        let reads = Mutex(0)

        init(_ keys: [String], _ rows: [[GraphQLValue]]) {
            self.keys = keys
            self.rows = rows
        }

        var table: RecordTable {
            RecordTable(positions: Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })) { row, position in
                self.reads.withLock { $0 += 1 }
                return self.rows[row][position]
            }
        }
    }

    static let people = Rows(["id", "name"], [[1, "Ada"], [2, nil]])

    @Test func aRecordEqualsAndHashesAsTheObjectWithItsFields() {
        let table = Self.people.table
        let ada = GraphQLValue.record(Record(table: table, row: 0))
        let object: GraphQLValue = ["id": 1, "name": "Ada"]
        #expect(ada == object)
        #expect(object == ada)
        #expect(ada.hashValue == object.hashValue)
        #expect(ada != .record(Record(table: table, row: 1)))
        #expect(ada != ["id": 1])
        #expect(ada != .list([]))
        #expect(Set([ada, object]).count == 1)
    }

    @Test func aRecordIsReadLikeAnObject() {
        let bob = GraphQLValue.record(Record(table: Self.people.table, row: 1))
        #expect(bob.isObject)
        #expect(bob["id"] == 2)
        #expect(bob["name"] == .null)
        #expect(bob["email"] == nil)
        #expect(bob.objectFields == ["id": 2, "name": .null])
        #expect(bob.description == "{ id: 2, name: null }")
    }

    @Test func onlyTheFieldsReadAreMade() {
        let rows = Rows(["id", "name", "email"], [[1, "Ada", "a@x"]])
        let ada = GraphQLValue.record(Record(table: rows.table, row: 0))
        _ = ada["name"]
        #expect(rows.reads.withLock { $0 } == 1)
        _ = ada.objectFields
        #expect(rows.reads.withLock { $0 } == 4)
    }

    @Test func detachingMakesEveryRecordADictionary() {
        let ada = GraphQLValue.record(Record(table: Self.people.table, row: 0))
        let detached = GraphQLValue.list([["person": ada]]).detached
        guard case .list(let items) = detached, case .object(let wrapper) = items[0],
              case .object(let person)? = wrapper["person"] else {
            Issue.record("not detached: \(detached)")
            return
        }
        #expect(person == ["id": 1, "name": "Ada"])
    }
}
