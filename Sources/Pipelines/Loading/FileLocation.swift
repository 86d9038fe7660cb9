/// Where something was written: a file relative to the project, a line and a column (both from 1).
public struct FileLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same file and line, `offset` columns further right (for positions inside a scalar).
    public func advanced(by offset: Int) -> FileLocation {
        FileLocation(file: file, line: line, column: column + offset)
    }

    /// `file:line:column`, the form editors jump to.
    public var description: String { "\(file):\(line):\(column)" }

    /// `file:line`, the form error extensions carry.
    public var fileAndLine: String { "\(file):\(line)" }

    public static func < (lhs: FileLocation, rhs: FileLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
