import Foundation

/// Values made from one article's analysis, kept between builds of the preview by the
/// analysis's revision: the analysis cache hands an unchanged article's analysis back whole,
/// revision and all, so what was made from it (its search documents, its records in the data
/// exports) is still right.
public final class RevisionMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Value] = [:]

    public init() {}

    /// The value made from `article`, made now if this memo lacks it.
    public func value(_ article: AnalysedArticle, make: () -> Value) -> Value {
        if let hit = lock.withLock({ values[article.revision] }) { return hit }
        let made = make()
        lock.withLock { values[article.revision] = made }
        return made
    }

    /// The value from `memo`, or made now when there is none (a build without a cache).
    public static func value(in memo: RevisionMemo?, _ article: AnalysedArticle, make: () -> Value) -> Value {
        memo?.value(article, make: make) ?? make()
    }

    /// Forgets the values of analyses that are gone, once a build has asked for all it needs
    /// (in place: filtering 10,000 entries into a new dictionary was 4% of a preview rebuild).
    public func keep(_ articles: some Sequence<AnalysedArticle>) {
        let current = Set(articles.map(\.revision))
        lock.withLock { values.removeAll(keepingKeys: current) }
    }
}

/// The last value made and what it was made from, kept between builds of the preview: the
/// value is made again only when its key changes.
public final class LastValueMemo<Key: Equatable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (key: Key, value: Value)?

    public init() {}

    /// The last value when `key` equals the last one's; otherwise made now and kept.
    public func value(for key: Key, make: () -> Value) -> Value {
        if let last = lock.withLock({ last }), last.key == key { return last.value }
        let made = make()
        lock.withLock { last = (key, made) }
        return made
    }

    /// The value from `memo`, or made now when there is none (a build without a cache). The key
    /// is only worked out when there is a memo to compare it with.
    public static func value(in memo: LastValueMemo?, for key: @autoclosure () -> Key, make: () -> Value) -> Value {
        guard let memo else { return make() }
        return memo.value(for: key(), make: make)
    }
}

extension Dictionary {
    /// Drops the entries whose key is not in `current`, in place: a memo between preview builds
    /// loses one or two entries of thousands, and filtering into a new dictionary copied them all.
    public mutating func removeAll(keepingKeys current: Set<Key>) {
        for key in keys.filter({ !current.contains($0) }) { self[key] = nil }
    }
}

/// A value compared by identity first: a model made of an article's records that a
/// `RevisionMemo` kept compares equal without comparing them.
public final class Shared<Value: Hashable>: Hashable, @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
    public static func == (a: Shared, b: Shared) -> Bool { a === b || a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
