import ConfigSupport
import Testing

@Suite("${NAME} expansion in sluice.yaml values")
struct EnvironmentExpansionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let expanded: String
        let problems: [EnvironmentExpansion.Problem]
        var testDescription: String { text }
    }

    static let environment = ["HOST": "db.internal", "EMPTY": "", "PORT": "3306"]

    @Test(arguments: [
        Case(text: "plain", expanded: "plain", problems: []),
        Case(text: "${HOST}", expanded: "db.internal", problems: []),
        Case(text: "mysql://${HOST}:${PORT}/shop", expanded: "mysql://db.internal:3306/shop", problems: []),
        Case(text: "${MISSING:-fallback}", expanded: "fallback", problems: []),
        Case(text: "${EMPTY:-used when empty}", expanded: "used when empty", problems: []),
        Case(text: "${HOST:-unused}", expanded: "db.internal", problems: []),
        Case(text: "${MISSING:-}", expanded: "", problems: []),
        Case(text: "a ${MISSING} b ${ALSO}", expanded: "a  b ", problems: [
            .init(message: "environment variable MISSING is not set", offset: 2),
            .init(message: "environment variable ALSO is not set", offset: 15),
        ]),
        Case(text: "${EMPTY}", expanded: "", problems: [
            .init(message: "environment variable EMPTY is not set", offset: 0),
        ]),
        Case(text: "x${HOST", expanded: "x${HOST", problems: [
            .init(message: "unterminated ${ in 'x${HOST'", offset: 1),
        ]),
    ])
    func expands(_ example: Case) {
        let (text, problems) = EnvironmentExpansion.expand(example.text, environment: Self.environment)
        #expect(problems == example.problems)
        #expect(text == example.expanded)
    }
}
