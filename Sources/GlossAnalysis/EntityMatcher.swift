/// A name or alias to look for. Case-sensitive by default because short aliases ("US", "May")
/// are ordinary words in another case.
public struct EntityPattern: Sendable, Hashable {
    /// Index of the entity in the caller's registry.
    public var entity: Int
    /// A name or alias as written, e.g. "Shinzo Abe", "US", "KORUS".
    public var text: String
    public var caseInsensitive: Bool

    public init(entity: Int, text: String, caseInsensitive: Bool = false) {
        self.entity = entity
        self.text = text
        self.caseInsensitive = caseInsensitive
    }
}

/// One mention. The range is in UTF-8 bytes of the scanned text, so it can be used directly
/// with `TextBlock` spans and always covers the surface text as written.
public struct EntityMatch: Sendable, Hashable {
    public var entity: Int
    public var range: Range<Int>

    public init(entity: Int, range: Range<Int>) {
        self.entity = entity
        self.range = range
    }
}

/// Finds every registered name in one pass over the UTF-8 bytes (one Aho–Corasick automaton),
/// so linking cost follows the length of the prose, not the size of the entity registry.
///
/// Matches are whole words (no letter, digit or combining mark just outside them), leftmost
/// first, longest at each start, and never overlap.
public struct EntityMatcher: Sendable {
    let automaton: Automaton

    public init(patterns: [EntityPattern]) {
        automaton = Automaton(tables: EntityMatcher.buildTables(patterns))
    }

    public func matches(in text: String) -> [EntityMatch] {
        var text = text
        return text.withUTF8 { matches(inUTF8: $0) }
    }

    /// The hot path: scans borrowed bytes without creating a `String`.
    public func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [EntityMatch] {
        guard let text = bytes.baseAddress, !bytes.isEmpty, automaton.patternCount > 0 else { return [] }
        return automaton.scan(text, count: bytes.count)
    }
}

extension EntityMatcher {
    /// The automaton in raw buffers, so the scan loop runs without bounds checks or retain
    /// traffic. Immutable after `init`, hence safe to share between threads.
    final class Automaton: @unchecked Sendable {
        let cells: UnsafeMutableBufferPointer<Cell>
        let depth: UnsafeMutableBufferPointer<Int32>
        let dense: UnsafeMutableBufferPointer<Int32>
        let denseReport: UnsafeMutableBufferPointer<Int32>
        let denseDepth: UnsafeMutableBufferPointer<Int32>
        let terminals: UnsafeMutableBufferPointer<Terminal>
        let patterns: UnsafeMutableBufferPointer<StoredPattern>
        let rawBytes: UnsafeMutableBufferPointer<UInt8>
        let fold: UnsafeMutableBufferPointer<UInt16>
        let byteFold: UnsafeMutableBufferPointer<UInt8>
        let isWord: UnsafeMutableBufferPointer<Bool>

        var patternCount: Int { patterns.count }

        init(tables: Tables) {
            cells = Self.copy(tables.cells)
            depth = Self.copy(tables.depth)
            dense = Self.copy(tables.dense)
            denseReport = Self.copy(tables.denseReport)
            denseDepth = Self.copy(tables.denseDepth)
            terminals = Self.copy(tables.terminals)
            patterns = Self.copy(tables.patterns)
            rawBytes = Self.copy(tables.rawBytes)
            fold = Self.copy(ScalarTables.fold)
            byteFold = Self.copy(ScalarTables.byteFold)
            isWord = Self.copy(ScalarTables.isWord)
        }

        deinit {
            cells.deallocate(); depth.deallocate(); dense.deallocate(); denseReport.deallocate()
            denseDepth.deallocate(); terminals.deallocate(); patterns.deallocate()
            rawBytes.deallocate(); fold.deallocate(); byteFold.deallocate(); isWord.deallocate()
        }

        private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
        }

        /// Follows failure links from a deep state until `byte` has a transition or a dense row
        /// (which has them all) is reached.
        @inline(__always)
        func step(_ from: Int32, _ byte: UInt8) -> Int32 {
            let cells = self.cells.baseAddress!
            var state = from
            while state >= 0 {
                let target = cells[Int(state)].base &+ Int32(byte)
                if cells[Int(target)].check == state { return target }
                state = cells[Int(state)].fail
            }
            return dense.baseAddress![Int(~state) << 8 | Int(byte)]
        }

        func scan(_ text: UnsafePointer<UInt8>, count: Int) -> [EntityMatch] {
            let cells = self.cells.baseAddress!, depth = self.depth.baseAddress!
            let denseDepth = self.denseDepth.baseAddress!, denseReport = self.denseReport.baseAddress!
            let fold = self.fold.baseAddress!, byteFold = self.byteFold.baseAddress!
            let boundary = Boundary(text: text, count: count, wordTable: isWord.baseAddress!)
            var resolver = Resolver()
            var state: Int32 = ~0  // the root
            var i = 0
            while i < count {
                let byte = text[i]
                if byte < 0x80 {
                    state = step(state, byteFold[Int(byte)])
                    i += 1
                } else if byte >= 0xC2, byte <= 0xDF, i + 1 < count, text[i + 1] & 0xC0 == 0x80 {
                    // Fold the whole 2-byte scalar; folding keeps its length, so `i` stays exact.
                    let folded = fold[Int(byte & 0x1F) << 6 | Int(text[i + 1] & 0x3F)]
                    state = step(state, UInt8(0xC0 | folded >> 6))
                    state = step(state, UInt8(0x80 | folded & 0x3F))
                    i += 2
                } else {
                    state = step(state, byte)
                    i += 1
                }
                // No future match can start before `i - depth`; once that passes every pending
                // candidate, their leftmost-longest choice is final.
                if resolver.pendingEnd != Int.min,
                   i - Int(state < 0 ? denseDepth[Int(~state)] : depth[Int(state)]) >= resolver.pendingEnd {
                    resolver.flush()
                }
                let report = state < 0 ? denseReport[Int(~state)] : cells[Int(state)].report
                if report != 0 { collect(report, end: i, text: text, boundary: boundary, into: &resolver) }
            }
            resolver.flush()
            return resolver.results
        }

        /// Every pattern ending at `end` that is a whole word and (if case-sensitive) matches the
        /// raw bytes. A longer failure never hides a shorter success: all of them are offered.
        @inline(never)
        func collect(_ report: Int32, end: Int, text: UnsafePointer<UInt8>, boundary: Boundary,
                     into resolver: inout Resolver) {
            guard boundary.isBoundary(after: end) else { return }
            var next = report
            while next != 0 {
                let terminal = terminals[Int(next) - 1]
                next = terminal.next
                let length = Int(terminal.length)
                let start = end - length
                guard boundary.isBoundary(before: start) else { continue }
                for k in Int(terminal.firstPattern)..<Int(terminal.endPattern) {
                    let pattern = patterns[k]
                    if pattern.caseInsensitive
                        || Self.equal(text + start, rawBytes.baseAddress! + Int(pattern.rawStart), length) {
                        resolver.offer(EntityMatch(entity: pattern.entity, range: start..<end))
                        break
                    }
                }
            }
        }

        @inline(__always)
        static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
            for k in 0..<length where a[k] != b[k] { return false }
            return true
        }
    }

    /// Candidates arrive in order of end; the pending group is settled (start ascending, longest
    /// first, skip overlaps) once no later candidate can start inside it. Groups are tiny.
    struct Resolver {
        var pending: [EntityMatch] = []
        var pendingEnd = Int.min
        var results: [EntityMatch] = []

        mutating func offer(_ candidate: EntityMatch) {
            pending.append(candidate)
            pendingEnd = max(pendingEnd, candidate.range.upperBound)
        }

        mutating func flush() {
            if pending.count > 1 {
                pending.sort {
                    $0.range.lowerBound != $1.range.lowerBound
                        ? $0.range.lowerBound < $1.range.lowerBound
                        : $0.range.upperBound > $1.range.upperBound
                }
            }
            var lastEnd = Int.min
            for candidate in pending where candidate.range.lowerBound >= lastEnd {
                results.append(candidate)
                lastEnd = candidate.range.upperBound
            }
            pending.removeAll(keepingCapacity: true)
            pendingEnd = Int.min
        }
    }
}
