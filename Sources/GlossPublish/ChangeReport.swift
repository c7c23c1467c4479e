/// What a publish changed at its destination: paths relative to the site root, sorted.
public struct ChangeReport: Sendable, Equatable, CustomStringConvertible {
    public var added: [String]
    public var updated: [String]
    public var removed: [String]

    public init(added: [String] = [], updated: [String] = [], removed: [String] = []) {
        self.added = added.sorted()
        self.updated = updated.sorted()
        self.removed = removed.sorted()
    }

    public var isEmpty: Bool { added.isEmpty && updated.isEmpty && removed.isEmpty }

    /// One line per change, `added   path`, `updated path`, `removed path`, in path order.
    public var lines: [String] {
        (added.map { ($0, "added  ") } + updated.map { ($0, "updated") } + removed.map { ($0, "removed") })
            .sorted { $0.0 < $1.0 }
            .map { "\($0.1) \($0.0)" }
    }

    /// `3 added, 1 updated, 0 removed`
    public var summary: String { "\(added.count) added, \(updated.count) updated, \(removed.count) removed" }

    public var description: String { (lines + [summary]).joined(separator: "\n") }

    /// Compares what a destination holds with what is about to replace it.
    public static func between(old: [String: [UInt8]], new: [String: [UInt8]]) -> ChangeReport {
        ChangeReport(added: new.keys.filter { old[$0] == nil },
                     updated: new.keys.filter { old[$0] != nil && old[$0] != new[$0] },
                     removed: old.keys.filter { new[$0] == nil })
    }
}

/// A publishing failure, with a message for the person running `gloss publish`.
public struct PublishError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
