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
        // A text matches exact key K and folded key F only if K folds to F.
        let folded = Set(foldedKeys.map(\.bytes))
        var tied = Set<[UInt8]>()
        for index in exactKeys.indices {
            let key = EntityMatcher.caseFolded(exactKeys[index].bytes)
            if folded.contains(key) { exactKeys[index].tied = true; tied.insert(key) }
        }
        for index in foldedKeys.indices { foldedKeys[index].tied = tied.contains(foldedKeys[index].bytes) }
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
                // A name ends only where a word does, so mid-word (most deep states) skips the report.
                guard i == count || !continuesWord[Int(bytes[i])] else { continue }
                let reportA = a.report(stateA), reportB = b.report(stateB)
                if reportA | reportB != 0, text.isBoundary(after: i) {
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
