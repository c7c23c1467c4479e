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

/// Aho–Corasick over every name's UTF-8 bytes, so linking cost follows the length of the prose,
/// not the size of the registry. Matches are whole words, leftmost-longest and disjoint.
public struct EntityMatcher: Sendable {
    /// Case-sensitive patterns over raw bytes, case-insensitive ones over folded bytes; both scan
    /// in the same pass and their candidates compete in one resolver.
    let exact: Machine?
    let caseless: Machine?

    public init(patterns: [EntityPattern]) {
        var exactKeys: [Key] = [], foldedKeys: [Key] = []
        for (order, pattern) in patterns.enumerated() {
            let scalars = pattern.text.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
            else { continue }  // empty or whitespace only
            let raw = Array(pattern.text.utf8[first..<scalars.index(after: last)])
            if pattern.caseInsensitive {
                foldedKeys.append(Key(order: order, entity: pattern.entity, bytes: EntityMatcher.caseFolded(raw)))
            } else {
                exactKeys.append(Key(order: order, entity: pattern.entity, bytes: raw))
            }
        }
        exact = exactKeys.isEmpty ? nil : Machine(EntityMatcher.buildTables(exactKeys), folds: false)
        caseless = foldedKeys.isEmpty ? nil : Machine(EntityMatcher.buildTables(foldedKeys), folds: true)
    }

    public func matches(in text: String) -> [EntityMatch] {
        var text = text
        return text.withUTF8 { matches(inUTF8: $0) }
    }

    /// The hot path: scans borrowed bytes without creating a `String`.
    public func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [EntityMatch] {
        guard let text = bytes.baseAddress, !bytes.isEmpty, let first = exact ?? caseless else { return [] }
        let scan = Scan(bytes: text, count: bytes.count)
        if exact != nil, let second = caseless { return scan.run(first.view, second.view) }
        return scan.run(first.view, Absent())  // specialised: no second machine in the loop
    }
}

extension EntityMatcher {
    /// One machine's tables in raw buffers, so the scan runs without bounds checks or retain
    /// traffic; immutable after `init`, hence shareable between threads.
    final class Machine: @unchecked Sendable {
        let cells: UnsafeMutableBufferPointer<Cell>
        let dense: UnsafeMutableBufferPointer<Int32>
        let denseReport: UnsafeMutableBufferPointer<Int32>
        let denseDepth: UnsafeMutableBufferPointer<Int32>
        let byteClass: UnsafeMutableBufferPointer<UInt8>
        let textClass: UnsafeMutableBufferPointer<UInt8>
        let separates: UnsafeMutableBufferPointer<Bool>
        let view: View

        init(_ tables: Tables, folds: Bool) {
            cells = Self.copy(tables.cells)
            dense = Self.copy(tables.dense)
            denseReport = Self.copy(tables.denseReport)
            denseDepth = Self.copy(tables.denseDepth)
            byteClass = Self.copy(tables.byteClass)
            textClass = Self.copy((0..<256).map { tables.byteClass[Int(folds ? ScalarTables.byteFold[$0] : UInt8($0))] })
            separates = Self.copy(tables.separates)
            view = View(cells: cells.baseAddress!, dense: dense.baseAddress!, denseReport: denseReport.baseAddress!,
                        denseDepth: denseDepth.baseAddress!, byteClass: byteClass.baseAddress!,
                        textClass: textClass.baseAddress!, separates: separates.baseAddress!,
                        rowShift: tables.rowShift, reportRowsFrom: tables.reportRowsFrom, skip: tables.skip, folds: folds,
                        wideClasses: tables.wideClasses)
        }

        deinit {
            cells.deallocate(); dense.deallocate(); denseReport.deallocate(); denseDepth.deallocate()
            byteClass.deallocate(); textClass.deallocate(); separates.deallocate()
        }

        private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return buffer
        }
    }

    /// What the scan needs from a machine; `Absent` lets the single-machine loop compile without
    /// any trace of the second one.
    protocol Stepper {
        var skip: Int32 { get }
        func step(_ from: Int32, ascii byte: UInt8) -> Int32
        func step(_ state: Int32, scalar value: UInt32, at bytes: UnsafePointer<UInt8>, length: Int,
                  fold: UnsafePointer<UInt16>) -> Int32
        func isQuiet(_ state: Int32) -> Bool
        func report(_ state: Int32) -> Int32
        func depth(_ state: Int32) -> Int?
        func collect(_ report: Int32, end: Int, into resolver: inout Resolver)
    }

    struct Absent: Stepper {
        var skip: Int32 { 0 }
        func step(_ from: Int32, ascii byte: UInt8) -> Int32 { DenseRow.root }
        func step(_ state: Int32, scalar value: UInt32, at bytes: UnsafePointer<UInt8>, length: Int,
                  fold: UnsafePointer<UInt16>) -> Int32 { DenseRow.root }
        func isQuiet(_ state: Int32) -> Bool { true }
        func report(_ state: Int32) -> Int32 { 0 }
        func depth(_ state: Int32) -> Int? { 0 }
        func collect(_ report: Int32, end: Int, into resolver: inout Resolver) {}
    }

    /// Plain pointers and constants, copied into the scan so they stay in registers.
    struct View: Stepper {
        let cells: UnsafeMutablePointer<Cell>
        let dense: UnsafeMutablePointer<Int32>
        let denseReport: UnsafeMutablePointer<Int32>
        let denseDepth: UnsafeMutablePointer<Int32>
        let byteClass: UnsafeMutablePointer<UInt8>
        /// `byteClass` after folding ASCII, if this machine folds: single text bytes index it directly.
        let textClass: UnsafeMutablePointer<UInt8>
        let separates: UnsafeMutablePointer<Bool>
        let rowShift: Int
        let reportRowsFrom: Int32
        let skip: Int32
        let folds: Bool
        let wideClasses: Bool

        @inline(__always)
        func step(_ from: Int32, ascii byte: UInt8) -> Int32 { step(from, textClass[Int(byte)]) }

        /// Failure links are only followed from deep states; a dense row answers every class.
        @inline(__always)
        func step(_ from: Int32, _ byteClass: UInt8) -> Int32 {
            var state = from
            while state >= 0 {
                let cell = cells[Int(state)]
                // Past the record (3 cells, terminal) or the report (1 cell), if any.
                let extras = state &+ 1 &+ Int32(cell.link >> 31) &+ Int32(cell.link >> 28 & 2)
                let kind = cell.link & Cell.kind
                if kind == UInt32(byteClass) { return extras }
                if kind == Cell.branch, let child = branchChild(cells + Int(extras), byteClass) { return child }
                if cell.link & Cell.separatorToRoot != 0, separates[Int(byteClass)] { return DenseRow.root }
                state = cell.fail
            }
            return dense[Int(~state) &+ Int(byteClass)]
        }

        @inline(__always)
        func branchChild(_ entry: UnsafePointer<Cell>, _ byteClass: UInt8) -> Int32? {
            let mask = UInt64(entry[0].link) << 32 | UInt64(UInt32(bitPattern: entry[0].fail))
            let bit = UInt64(1) << (UInt64(byteClass) & 63)
            guard mask & bit != 0 else { return nil }
            if !wideClasses { return entry[1 + (mask & (bit &- 1)).nonzeroBitCount].fail }
            for k in 0..<Int(entry[1].fail) where entry[2 + k].link == UInt32(byteClass) { return entry[2 + k].fail }
            return nil
        }

        /// Feeds one whole multi-byte scalar; a folding machine folds 2-byte scalars first.
        @inline(__always)
        func step(_ state: Int32, scalar value: UInt32, at bytes: UnsafePointer<UInt8>, length: Int,
                  fold: UnsafePointer<UInt16>) -> Int32 {
            var state = state
            if folds, length == 2 {
                let folded = fold[Int(value)]
                state = step(state, byteClass[Int(0xC0 | folded >> 6)])
                return step(state, byteClass[Int(0x80 | folded & 0x3F)])
            }
            for k in 0..<length { state = step(state, byteClass[Int(bytes[k])]) }
            return state
        }

        /// No report and no depth to consult: the scan can move straight on.
        @inline(__always)
        func isQuiet(_ state: Int32) -> Bool { state < 0 && ~state < reportRowsFrom }

        @inline(__always)
        func report(_ state: Int32) -> Int32 {
            if state < 0 { return denseReport[Int(~state) >> rowShift] }
            let link = cells[Int(state)].link
            if link & Cell.hasReport == 0 { return 0 }
            return link & Cell.isTerminal != 0 ? state &+ 2 : cells[Int(state) + 1].fail
        }

        /// How far back a match in progress may start; `nil` if too deep to record.
        @inline(__always)
        func depth(_ state: Int32) -> Int? {
            if state < 0 { return Int(denseDepth[Int(~state) >> rowShift]) }
            let depth = cells[Int(state)].link >> Cell.depthShift & Cell.unknownDepth
            return depth == Cell.unknownDepth ? nil : Int(depth)
        }

        /// Offers the patterns ending at `end`, longest first along dictionary-suffix links; every
        /// one is a candidate, so a longer one failing the word test never hides a shorter one.
        @inline(never)
        func collect(_ report: Int32, end: Int, into resolver: inout Resolver) {
            var next = report
            while next != 0 {
                let record = cells + Int(next - 1)
                next = Int32(bitPattern: record[0].link)
                let start = end - Int(record[0].fail)
                let entity = Int64(bitPattern: UInt64(record[1].link) << 32 | UInt64(UInt32(bitPattern: record[1].fail)))
                resolver.offer(EntityMatch(entity: Int(entity), range: start..<end), order: record[2].fail)
                // A shorter match ending here lies inside this one, so it can only win if this one
                // loses to an earlier, overlapping candidate.
                guard resolver.earlierCandidateOverlaps(start) else { return }
            }
        }
    }
}

extension EntityMatcher {
    /// One pass over the text, with up to two machines in lockstep.
    struct Scan {
        let bytes: UnsafePointer<UInt8>
        let count: Int

        @inline(__always)
        func run<Second: Stepper>(_ a: View, _ b: Second) -> [EntityMatch] {
            let unicode = UnicodeData.shared
            let text = UTF8Text(bytes: bytes, count: count, wordBits: unicode.wordBits)
            let fold = unicode.fold, continuesWord = unicode.continuesWord
            var resolver = Resolver()
            var pendingEnd = Int.min  // mirrors `resolver`, so quiet bytes touch no memory for it
            var stateA = DenseRow.root, stateB = DenseRow.root
            var i = 0
            while i < count {
                let byte = bytes[i]
                if byte < 0x80 {
                    stateA = a.step(stateA, ascii: byte)
                    stateB = b.step(stateB, ascii: byte)
                    i &+= 1
                } else if let (value, length) = text.scalar(at: i) {
                    stateA = a.step(stateA, scalar: value, at: bytes + i, length: length, fold: fold)
                    stateB = b.step(stateB, scalar: value, at: bytes + i, length: length, fold: fold)
                    i &+= length
                    // Rows cannot tell a multi-byte separator (—, ’, «) from a letter: settle it here.
                    if stateA == a.skip || stateB == b.skip, !text.isWord(value) {
                        if stateA == a.skip { stateA = DenseRow.root }
                        if stateB == b.skip { stateB = DenseRow.root }
                    }
                } else {
                    stateA = DenseRow.root  // malformed byte: a separator that no pattern contains
                    stateB = DenseRow.root
                    i &+= 1
                }
                if a.isQuiet(stateA), b.isQuiet(stateB), pendingEnd == Int.min { continue }  // the common case
                // No future match can start before `i - depth`; once that passes every pending
                // candidate, their leftmost-longest choice is final.
                if pendingEnd != Int.min, let depthA = a.depth(stateA), let depthB = b.depth(stateB),
                   i - max(depthA, depthB) >= pendingEnd {
                    resolver.flush()
                    pendingEnd = Int.min
                }
                let reportA = a.report(stateA), reportB = b.report(stateB)
                if reportA | reportB != 0, i == count || !continuesWord[Int(bytes[i])], text.isBoundary(after: i) {
                    if reportA != 0 { a.collect(reportA, end: i, into: &resolver) }
                    if reportB != 0 { b.collect(reportB, end: i, into: &resolver) }
                    pendingEnd = resolver.pendingEnd
                }
            }
            resolver.flush()
            return resolver.results
        }
    }

    /// Candidates arrive by end, not start; a group is settled greedily once no later candidate
    /// can start inside it, which keeps groups tiny and the whole pass linear.
    struct Resolver {
        var pending: [(match: EntityMatch, order: Int32)] = []
        var pendingEnd = Int.min
        var earlierEnd = Int.min
        var results: [EntityMatch] = []

        mutating func offer(_ match: EntityMatch, order: Int32) {
            pending.append((match, order))
            earlierEnd = pendingEnd
            pendingEnd = max(pendingEnd, match.range.upperBound)
        }

        /// Whether a candidate offered before the last one may overlap `position` (conservative).
        func earlierCandidateOverlaps(_ position: Int) -> Bool {
            earlierEnd > position
        }

        /// Leftmost, then longest, then the pattern listed first.
        mutating func flush() {
            if pending.count > 1 {
                pending.sort { a, b in
                    if a.match.range.lowerBound != b.match.range.lowerBound {
                        return a.match.range.lowerBound < b.match.range.lowerBound
                    }
                    if a.match.range.upperBound != b.match.range.upperBound {
                        return a.match.range.upperBound > b.match.range.upperBound
                    }
                    return a.order < b.order
                }
            }
            var lastEnd = Int.min
            for candidate in pending where candidate.match.range.lowerBound >= lastEnd {
                results.append(candidate.match)
                lastEnd = candidate.match.range.upperBound
            }
            pending.removeAll(keepingCapacity: true)
            pendingEnd = Int.min
            earlierEnd = Int.min
        }
    }
}
