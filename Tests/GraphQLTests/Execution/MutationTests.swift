import Testing
@testable import GraphQL

/// Mutation root fields run one after another, each with everything below it completed before
/// the next starts (specification 6.2.2, "ExecuteSelectionSet serially").
@Suite struct MutationTests {
    /// Appends words to a shared log; `Log.words` reads the log when it is resolved, so it shows
    /// how far the mutation had got.
    static func executor(_ log: Counter) -> Executor {
        Executor(schema: ExecutionHarness.schema, resolvers: Resolvers(fields: [
            "Mutation.append": ClosureResolver { batch in
                guard case .string(let word)? = batch.arguments["word"] else { throw FieldError("no word") }
                try await Task.sleep(for: .milliseconds(word == "first" ? 20 : 0))
                await log.record("append " + word)
                return [.value(["word": .string(word)])]
            },
            "Mutation.fail": ClosureResolver { _ in
                await log.record("fail")
                return [.error(FieldError("refused", code: "FORBIDDEN", extensions: ["reason": "test"]))]
            },
            "Log.words": ClosureResolver { batch in
                await log.record("words")
                let words = await log.log.filter { $0.hasPrefix("append ") }.map { GraphQLValue.string(String($0.dropFirst(7))) }
                return batch.parents.map { _ in .value(.list(words)) }
            },
        ]))
    }

    @Test func rootFieldsRunInOrderAndCompleteBeforeTheNext() async {
        let log = Counter()
        let query = #"mutation { a: append(word: "first") { words } b: append(word: "second") { word words } }"#
        let response = await ExecutionHarness.run(query, executor: Self.executor(log))
        #expect(response == #"{"data":{"a":{"words":["first"]},"b":{"word":"second","words":["first","second"]}}}"#)
        #expect(await log.log == ["append first", "words", "append second", "words"])
    }

    @Test func aFailedNonNullRootFieldNullsDataAndStopsTheRest() async {
        let log = Counter()
        let query = #"mutation { a: append(word: "one") { word } fail { word } c: append(word: "three") { word } }"#
        let response = await ExecutionHarness.run(query, executor: Self.executor(log))
        #expect(response == #"{"errors":[{"message":"refused","locations":[{"line":1,"column":44}],"path":["fail"],"#
            + #""extensions":{"code":"FORBIDDEN","reason":"test"}}],"data":null}"#)
        #expect(await log.log == ["append one", "fail"])
    }

    @Test func aFailedNullableRootFieldLetsTheNextRun() async {
        let log = Counter()
        let executor = Executor(schema: ExecutionHarness.schema, resolvers: Resolvers(fields: [
            "Mutation.maybe": ClosureResolver { _ in throw FieldError("not now", code: "CONFLICT") },
            "Mutation.append": ClosureResolver { batch in
                await log.record("append")
                return [.value(["word": batch.arguments["word"] ?? .null])]
            },
        ]))
        let response = await ExecutionHarness.run(#"mutation { maybe { word } append(word: "x") { word } }"#, executor: executor)
        #expect(response == #"{"errors":[{"message":"not now","locations":[{"line":1,"column":12}],"path":["maybe"],"#
            + #""extensions":{"code":"CONFLICT"}}],"data":{"maybe":null,"append":{"word":"x"}}}"#)
        #expect(await log.log == ["append"])
    }
}
