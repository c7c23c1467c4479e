/// A problem found in the input, with its place. Stages collect these as values and the
/// command line prints them all at the end, so one run reports every problem.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// Path relative to the site folder, e.g. `content/articles/a.md`.
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.message = message
    }

    public static func error(_ file: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .error, message: message)
    }

    public static func warning(_ file: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message)
    }

    /// `path:line:col: error: message`, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }

    /// Sorted by file and position for deterministic output.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
