import Testing
@testable import MariaDB

@Suite struct ClientLibraryTests {
    @Test func reportsLinkedClientVersion() {
        #expect(ClientLibrary.version.split(separator: ".").count == 3)
    }
}
