import Foundation
import Testing
@testable import GraphQL

/// Mutated pieces of the kitchen sinks, each with the reference implementation's verdict: its
/// printed output when the piece parses, or its syntax error and position when it does not.
/// `Fixtures/generate-reference-outputs.py` produced the fixture with graphql-core 3.2.
@Suite struct DifferentialTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Failure: Decodable, Sendable {
            let message: String
            let line: Int
            let column: Int
        }
        let body: String
        let printed: String?
        let error: Failure?
        var testDescription: String { body.debugDescription }
    }

    struct Fixture: Decodable {
        let source: String
        let cases: [Case]
    }

    static let cases: [Case] = {
        let name = "differential-cases"
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let fixture = try? JSONDecoder().decode(Fixture.self, from: data)
        else {
            fatalError("missing or unreadable test fixture differential-cases.json")
        }
        return fixture.cases
    }()

    @Test func fixtureHasBothVerdicts() {
        #expect(Self.cases.count > 600)
        #expect(Self.cases.filter { $0.printed != nil }.count > 150)
    }

    @Test(arguments: cases)
    func agreesWithTheReference(_ testCase: Case) {
        let result = Result { () throws(GraphQLError) in try Parser(testCase.body).parseDocument() }
        switch (result, testCase.printed, testCase.error) {
        case (.success(let document), let printed?, nil):
            #expect(document.printed() == printed)
        case (.failure(let error), nil, let expected?):
            #expect(error.message == expected.message)
            #expect(error.locations == [SourceLocation(line: expected.line, column: expected.column)])
        case (.success(let document), nil, let expected?):
            Issue.record("parsed, but the reference reports \(expected.message); printed:\n\(document.printed())")
        case (.failure(let error), _, _):
            Issue.record("failed with \(error), but the reference parses it")
        default:
            Issue.record("malformed case")
        }
    }
}
