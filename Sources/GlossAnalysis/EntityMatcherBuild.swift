extension EntityMatcher {
    // A machine is one Aho–Corasick automaton: case-sensitive names over raw bytes (so lowercase
    // prose never wanders into capitalised names), case-insensitive ones over folded bytes.
    //
    // States are Int32 tags: a slot (>= 0) of a deep state in `cells`, or ~offset (< 0) of a
    // shallow state's row in `dense`, which holds every transition precomputed. Rows are a power
    // of two wide; their report and depth live in side arrays indexed by offset >> rowShift.
    // Matches may only start after a non-word scalar, so failure links lead only to suffixes that
    // start at such a place, and two rows stand for the empty suffix: `root` (a match may start
    // here) and `skip` (inside a word: wait for a separator).
    //
    // A deep state's slot is followed by its extras: its record if a pattern ends there,
    // (length, next record slot + 1 or 0), (entity low, high bits), (pattern order, 0), or else
    // its report (record slot + 1) if a shorter pattern ends there; then, if it branches, a header
    // (64-bit mask of child classes modulo 64; a second cell with the count if there are more
    // than 64 classes) and (slot, class) pairs in class order. Link bits: 31 has a report;
    // 30 separators lead to root (nothing on the failure chain continues with one); 29 a pattern
    // ends here; 9-28 depth (saturating); 0-8 the only child's class, leaf or branch.

    /// Prose spends most bytes in `root`, `skip` and the top of the trie, so those get rows that
    /// answer in one load; the cap keeps them cache-resident.
    enum DenseRow {
        static let maxStateDepth: Int32 = 3
        static let maxEntries = 1 << 16
        static let root: Int32 = ~0
    }

    /// A deep state in 8 bytes, in trie preorder, so a lone child is the next slot and a
    /// mention's path and its entity's record share a few neighbouring cache lines.
    struct Cell {
        var fail: Int32 = 0
        var link: UInt32 = Cell.leaf
        static let leaf: UInt32 = 256
        static let branch: UInt32 = 257
        static let hasReport: UInt32 = 1 << 31
        static let separatorToRoot: UInt32 = 1 << 30
        static let isTerminal: UInt32 = 1 << 29
        static let kind: UInt32 = (1 << 9) - 1
        static let depthShift: UInt32 = 9
        static let unknownDepth: UInt32 = (1 << 20) - 1
        static let recordCells: Int32 = 3
    }

    /// A pattern as the machine sees it: case-insensitive ones arrive already folded.
    struct Key {
        var order: Int
        var entity: Int
        var bytes: [UInt8]
    }

    struct Tables {
        var cells: [Cell] = []
        var dense: [Int32] = []
        var rowShift = 0
        var denseReport: [Int32] = []
        var denseDepth: [Int32] = []
        var reportRowsFrom: Int32 = 0
        var skip: Int32 = 0
        var wideClasses = false
        /// Pattern bytes get classes 2... in byte order (so sorted keys stay sorted); all other bytes
        /// share 0 (ASCII separators) or 1, which keeps dense rows a few dozen entries wide.
        var byteClass = [UInt8](repeating: 0, count: 256)
        var classCount = 2
        /// Per class: an ASCII separator, after which a match may start.
        var separates: [Bool] = [true, false]
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

    private struct Trie {
        static let skip = -1  // the `skip` state, as a node during construction

        let separates: [Bool]
        var label: [UInt8] = [0]
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
                label.append(byte); firstChild.append(-1); lastChild.append(-1); sibling.append(-1)
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

        /// Rows go to the shallowest nodes breadth-first, as those see the most prose.
        func layOut(order: [Int], terminals: [Key], into tables: inout Tables) {
            while 1 << tables.rowShift < tables.classCount { tables.rowShift += 1 }
            let width = 1 << tables.rowShift
            var shallow: [Int] = []
            for node in order.dropFirst() where depth[node] <= DenseRow.maxStateDepth {
                guard (shallow.count + 3) * width <= DenseRow.maxEntries else { break }
                shallow.append(node)
            }
            // Rows with a report go last, so the scan spots them by offset without a load.
            let quiet = shallow.filter { report[$0] < 0 }
            let rows = [0, Self.skip] + quiet + shallow.filter { report[$0] >= 0 }
            tables.reportRowsFrom = Int32((2 + quiet.count) * width)

            // With at most 64 classes the mask is exact and a child is found by counting bits.
            tables.wideClasses = tables.classCount > 64
            let headerCells: Int32 = tables.wideClasses ? 2 : 1
            var slot = [Int32](repeating: 0, count: label.count)
            var recordSlot = [Int32](repeating: 0, count: terminals.count)
            var stack = [0]
            var next: Int32 = 0
            while let node = stack.popLast() {
                let kids = children(of: node)
                slot[node] = next
                if terminal[node] >= 0 { recordSlot[Int(terminal[node])] = next + 1 }
                next += 1 + (terminal[node] >= 0 ? Cell.recordCells : report[node] >= 0 ? 1 : 0)
                next += kids.count > 1 ? headerCells + Int32(kids.count) : 0
                stack += kids.reversed()
            }
            let reportValue = { (node: Int) in node >= 0 && report[node] >= 0 ? recordSlot[Int(report[node])] + 1 : 0 }
            var tag = slot
            for (row, node) in rows.enumerated() where node >= 0 { tag[node] = ~Int32(row * width) }
            tables.skip = ~Int32(width)
            let tagOf = { [skip = tables.skip] (node: Int) in node == Self.skip ? skip : tag[node] }

            tables.dense = [Int32](repeating: 0, count: rows.count * width)
            for (row, node) in rows.enumerated() {
                for byteClass in 0..<tables.classCount {
                    tables.dense[row * width + byteClass] = tagOf(step(node, UInt8(byteClass)))
                }
                tables.denseReport.append(reportValue(node))
                tables.denseDepth.append(node < 0 ? 0 : depth[node])
            }

            tables.cells = [Cell](repeating: Cell(), count: Int(next))
            for (t, key) in terminals.enumerated() {
                let s = Int(recordSlot[t])
                let following = terminalNext[t] >= 0 ? recordSlot[Int(terminalNext[t])] + 1 : 0
                let entity = UInt64(bitPattern: Int64(key.entity))
                tables.cells[s] = Cell(fail: Int32(key.bytes.count), link: UInt32(bitPattern: following))
                tables.cells[s + 1] = Cell(fail: Int32(truncatingIfNeeded: entity), link: UInt32(truncatingIfNeeded: entity >> 32))
                tables.cells[s + 2] = Cell(fail: Int32(truncatingIfNeeded: key.order), link: 0)
            }
            for node in order.dropFirst(shallow.count + 1) {
                var s = Int(slot[node])
                let kids = children(of: node)
                tables.cells[s].fail = tagOf(fail[node])
                tables.cells[s].link = kids.isEmpty ? Cell.leaf : kids.count > 1 ? Cell.branch : UInt32(label[kids[0]])
                tables.cells[s].link |= min(UInt32(depth[node]), Cell.unknownDepth) << Cell.depthShift
                if fail[node] == Self.skip || separatorsFail[fail[node]] { tables.cells[s].link |= Cell.separatorToRoot }
                if terminal[node] >= 0 {
                    tables.cells[s].link |= Cell.hasReport | Cell.isTerminal  // its own record follows
                    s += Int(Cell.recordCells)
                } else if report[node] >= 0 {
                    tables.cells[s].link |= Cell.hasReport
                    s += 1
                    tables.cells[s] = Cell(fail: reportValue(node), link: 0)
                }
                guard kids.count > 1 else { continue }
                let mask = kids.reduce(UInt64(0)) { $0 | 1 << (UInt64(label[$1]) & 63) }
                tables.cells[s + 1] = Cell(fail: Int32(truncatingIfNeeded: mask), link: UInt32(truncatingIfNeeded: mask >> 32))
                if tables.wideClasses { tables.cells[s + 2] = Cell(fail: Int32(kids.count), link: 0) }
                for (k, kid) in kids.enumerated() {
                    tables.cells[s + 1 + Int(headerCells) + k] = Cell(fail: slot[kid], link: UInt32(label[kid]))
                }
            }
        }
    }
}
