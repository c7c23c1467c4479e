/// A position in one of the site's lists (articles newest first, entities by slug, digests
/// newest first), typed so that an entity's number can never index the articles.
public protocol DenseID: Hashable, Comparable, Strideable, Sendable, ExpressibleByIntegerLiteral where Stride == Int {
    var index: Int { get }
    init(_ index: Int)
}

extension DenseID {
    /// `site.digests[0]`: a literal is a position, as in an array.
    public init(integerLiteral value: Int) { self.init(value) }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
    public func distance(to other: Self) -> Int { other.index - index }
    public func advanced(by n: Int) -> Self { Self(index + n) }
    /// The neighbour `n` places on: `id + 1` is the next (older) article.
    public static func + (id: Self, n: Int) -> Self { Self(id.index + n) }
    public static func - (id: Self, n: Int) -> Self { Self(id.index - n) }
}

/// An article's place in `AnalysedSite.articles` (newest first).
public struct ArticleID: DenseID, CustomStringConvertible {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public var description: String { "article #\(index)" }
}

/// An entity's place in the registry (by slug).
public struct EntityID: DenseID, CustomStringConvertible {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public var description: String { "entity #\(index)" }
}

/// A digest edition's place in `AnalysedSite.digests` (newest first).
public struct DigestID: DenseID, CustomStringConvertible {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public var description: String { "digest #\(index)" }
}

/// Values by typed id: an array whose indices are `ID`s, so facts about articles and facts
/// about entities cannot be mixed up, and one value per id replaces parallel arrays.
public struct Table<ID: DenseID, Element>: RandomAccessCollection {
    public private(set) var elements: [Element]

    public init(_ elements: [Element]) { self.elements = elements }
    public init(repeating element: Element, count: Int) { elements = Array(repeating: element, count: count) }

    public var startIndex: ID { ID(0) }
    public var endIndex: ID { ID(elements.count) }
    public var isEmpty: Bool { elements.isEmpty }
    public var count: Int { elements.count }

    public subscript(id: ID) -> Element {
        get { elements[id.index] }
        set { elements[id.index] = newValue }
    }

    /// The element when `id` is in range: ids that came from outside (a stale reference) are checked here.
    public func element(_ id: ID) -> Element? { elements.indices.contains(id.index) ? elements[id.index] : nil }

    public func index(after i: ID) -> ID { ID(i.index + 1) }
    public func index(before i: ID) -> ID { ID(i.index - 1) }

    /// Every (id, element) pair, in order.
    public var identified: Zip2Sequence<Range<ID>, [Element]> { zip(startIndex..<endIndex, elements) }

    public func mapValues<T>(_ transform: (Element) throws -> T) rethrows -> Table<ID, T> { Table<ID, T>(try elements.map(transform)) }
}

extension Table: Sendable where Element: Sendable {}
extension Table: Equatable where Element: Equatable {}
extension Table: Hashable where Element: Hashable {}

extension Table where Element: Sendable {
    /// `Array.concurrentMap` by id: on every core, in order.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> Table<ID, T> {
        Table<ID, T>(elements.concurrentMap(transform))
    }
}
