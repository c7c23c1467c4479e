extension EntityMatcher {
    // A machine is one Aho–Corasick automaton: case-sensitive names over raw bytes (so lowercase
    // prose never wanders into capitalised names), case-insensitive ones over folded bytes.
    //
    // States are Int32 tags: the byte offset (>= 0) of a deep state in `code` (see `Node`), or
    // ~offset (< 0) of a shallow state's row in `dense`, which holds every transition precomputed.
    // Rows are a power of two wide; their report and depth live in side arrays indexed by
    // offset >> rowShift. Matches may only start after a non-word scalar, so failure links lead
    // only to suffixes that start at such a place, and two rows stand for the empty suffix: `root`
    // (a match may start here) and `skip` (inside a word: wait for a separator).

    /// Prose spends most bytes in `root`, `skip` and the top of the trie, so those get rows that
    /// answer in one load; the cap keeps them cache-resident.
    enum DenseRow {
        static let maxStateDepth: Int32 = 3
        static let maxEntries = 1 << 16
        static let root: Int32 = ~0
    }

    /// A pattern as the machine sees it: case-insensitive ones arrive already folded.
    struct Key {
        var order: Int
        var entity: Int
        var bytes: [UInt8]
        /// The other machine has a pattern for the same text, so `order` decides between them;
        /// no two patterns of one machine match the same range.
        var tied = false
    }

    struct Tables {
        var code: [UInt8] = []
        var failures = FailureIndex()
        var overflow: [Overflow] = []
        var widestBranch = 0
        var wideBranches = 0
        var dense: [Int32] = []
        var rowShift = 0
        var denseReport: [Int32] = []
        var denseDepth: [Int32] = []
        var reportRowsFrom: Int32 = 0
        var skip: Int32 = 0
        /// Pattern bytes get classes 2... in byte order (so sorted keys stay sorted); all other bytes
        /// share 0 (ASCII separators) or 1, which keeps dense rows a few dozen entries wide. Valid
        /// UTF-8 has at most 243 distinct bytes, so a class fits a byte.
        var byteClass = [UInt8](repeating: 0, count: 256)
        var classCount = 2
        /// Per class: an ASCII separator, after which a match may start.
        var separates: [Bool] = [true, false]
    }

    /// Failure targets of non-terminal nodes that fail neither to `root` nor to `skip`: rarely
    /// followed, so kept out of `code`. A bit per half offset of `code`, a running count per 64
    /// bits, and the targets in offset order.
    struct FailureIndex {
        var bits: [UInt64] = []
        var rank: [Int32] = []
        var targets: [Int32] = []

        init() {}

        init(_ entries: [(offset: Int32, target: Int32)], codeBytes: Int) {
            bits = [UInt64](repeating: 0, count: codeBytes / 128 + 1)
            for (offset, target) in entries.sorted(by: { $0.offset < $1.offset }) {
                bits[Int(offset) >> 7] |= 1 << UInt64(Int(offset) >> 1 & 63)
                targets.append(target)
            }
            var total: Int32 = 0
            rank = bits.map { word in defer { total += Int32(word.nonzeroBitCount) }; return total }
        }
    }

    /// Sorted keys make each new trie child the last sibling, so insertion never searches.
    static func buildTables(_ unsorted: [Key]) -> Tables {
        let keys = unsorted.sorted { $0.bytes == $1.bytes ? $0.order < $1.order : $0.bytes.lexicographicallyPrecedes($1.bytes) }
        var tables = Tables()
        var inPattern = [Bool](repeating: false, count: 256)
        for key in keys { for byte in key.bytes { inPattern[Int(byte)] = true } }
        for byte in 0..<256 {
            let separator = byte < 0x80 && !isWordScalarSlow(UInt32(byte))
            if inPattern[byte] {
                tables.byteClass[byte] = UInt8(tables.classCount)
                tables.classCount += 1
                tables.separates.append(separator)
            } else {
                tables.byteClass[byte] = separator ? 0 : 1
            }
        }
        var trie = Trie(separates: tables.separates)
        var terminals: [Key] = []
        for key in keys {
            let node = trie.insert(key.bytes.map { tables.byteClass[Int($0)] }, startAllowed: startAllowed(after: key.bytes))
            guard trie.terminal[node] < 0 else { continue }  // same text for a later entity: the first keeps it
            trie.terminal[node] = Int32(terminals.count)
            terminals.append(key)
        }
        let order = trie.link()
        trie.layOut(order: order, terminals: terminals, into: &tables)
        return tables
    }

    struct Trie {
        static let skip = -1  // the `skip` state, as a node during construction

        let separates: [Bool]
        var label: [UInt8] = [0]
        var parent: [Int32] = [-1]
        var firstChild: [Int32] = [-1]
        var lastChild: [Int32] = [-1]
        var sibling: [Int32] = [-1]
        var terminal: [Int32] = [-1]
        var depth: [Int32] = [0]
        /// A match may start right after this node's text (it ends with a whole separator).
        var startAllowed: [Bool] = [true]
        var fail: [Int] = [Trie.skip]
        /// Longest terminal among the node's valid suffixes (itself included), or -1.
        var report: [Int32] = [-1]
        /// Per terminal: the next shorter terminal among its valid suffixes, or -1.
        var terminalNext: [Int32] = []
        var rootChild = [Int32](repeating: -1, count: 256)
        /// Neither this node nor any on its failure chain has a child on a separator class.
        var separatorsFail: [Bool] = [true]

        init(separates: [Bool]) { self.separates = separates }

        mutating func insert(_ key: [UInt8], startAllowed allowed: [Bool]) -> Int {
            var node = 0
            for (index, byte) in key.enumerated() {
                let last = Int(lastChild[node])
                if last >= 0, label[last] == byte { node = last; continue }
                let child = label.count
                label.append(byte); parent.append(Int32(node)); firstChild.append(-1); lastChild.append(-1); sibling.append(-1)
                terminal.append(-1); depth.append(depth[node] + 1); startAllowed.append(allowed[index + 1])
                if last >= 0 { sibling[last] = Int32(child) } else { firstChild[node] = Int32(child) }
                if node == 0 { rootChild[Int(byte)] = Int32(child) }
                lastChild[node] = Int32(child)
                node = child
            }
            return node
        }

        func children(of node: Int) -> [Int] {
            var result: [Int] = []
            var child = Int(firstChild[node])
            while child >= 0 { result.append(child); child = Int(sibling[child]) }
            return result
        }

        func hasSeparatorChild(_ node: Int) -> Bool {
            var child = Int(firstChild[node])
            while child >= 0 {
                if separates[Int(label[child])] { return true }
                child = Int(sibling[child])
            }
            return false
        }

        func child(of node: Int, _ byteClass: UInt8) -> Int? {
            if node == 0 { return rootChild[Int(byteClass)] >= 0 ? Int(rootChild[Int(byteClass)]) : nil }
            var child = Int(firstChild[node])
            while child >= 0, label[child] < byteClass { child = Int(sibling[child]) }
            return child >= 0 && label[child] == byteClass ? child : nil
        }

        /// Build-time transitions; the scan uses the laid-out tables instead.
        func step(_ from: Int, _ byteClass: UInt8) -> Int {
            var state = from
            while state != Self.skip {
                if let next = child(of: state, byteClass) { return next }
                if state == 0 { break }
                state = fail[state]
            }
            return separates[Int(byteClass)] ? 0 : Self.skip
        }

        /// Breadth-first, so a node's failure target (always shallower) is finished before it.
        mutating func link() -> [Int] {
            fail = [Int](repeating: Self.skip, count: label.count)
            report = [Int32](repeating: -1, count: label.count)
            separatorsFail = [Bool](repeating: true, count: label.count)
            separatorsFail[0] = !hasSeparatorChild(0)
            terminalNext = [Int32](repeating: -1, count: terminal.filter { $0 >= 0 }.count)
            var queue = [0]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for kid in children(of: node) {
                    queue.append(kid)
                    var target = step(fail[node], label[kid])
                    if target <= 0 { target = startAllowed[kid] ? 0 : Self.skip }  // settle the empty suffix
                    fail[kid] = target
                    separatorsFail[kid] = !hasSeparatorChild(kid) && (target == Self.skip || separatorsFail[target])
                    let inherited = target > 0 ? report[target] : -1
                    if terminal[kid] >= 0 {
                        terminalNext[Int(terminal[kid])] = inherited
                        report[kid] = terminal[kid]
                    } else {
                        report[kid] = inherited
                    }
                }
            }
            return queue
        }
    }
}
