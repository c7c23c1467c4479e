extension EntityMatcher {
    /// States are `Int32` tags: a slot (≥ 0) in the double array, or `~row` (< 0) for the shallow
    /// states, whose every transition is precomputed in a dense 256-wide row; the root is row 0.
    /// Text spends most bytes near the root, so most steps are a single table load.
    static let denseDepth: Int32 = 2
    static let maxDenseRows = 1024

    /// One double-array slot. `base`/`check` give O(1) transitions whatever a state's fan-out;
    /// `fail` and `report` sit beside them so a miss or a hit touches the same cache line.
    struct Cell {
        var base: Int32 = 0
        var check: Int32 = -1
        /// A state tag; may name a dense row.
        var fail: Int32 = 0
        /// 1 + index of the longest terminal ending in this state (itself or via failure), or 0.
        var report: Int32 = 0
    }

    /// A state where patterns end. `next` is the dictionary-suffix link (1 + terminal index, or 0),
    /// so every pattern ending at a position is reached without walking plain failure links.
    struct Terminal {
        var length: Int32
        var next: Int32
        var firstPattern: Int32
        var endPattern: Int32
    }

    /// Patterns sharing folded text share a terminal; case-sensitive ones are verified against
    /// their raw bytes, which is what lets both kinds compete in one automaton.
    struct StoredPattern {
        var entity: Int
        var rawStart: Int32
        var caseInsensitive: Bool
    }

    struct Tables {
        var cells: [Cell] = []
        var depth: [Int32] = []
        var terminals: [Terminal] = []
        var patterns: [StoredPattern] = []
        var rawBytes: [UInt8] = []
        var dense: [Int32] = []
        var denseReport: [Int32] = []
        var denseDepth: [Int32] = []
    }

    private struct Entry {
        var order: Int
        var entity: Int
        var raw: [UInt8]
        var folded: [UInt8]
        var caseInsensitive: Bool
    }

    /// Plain trie first (built from sorted keys, so a new child is always the last sibling),
    /// then laid out as a double array and given failure links.
    static func buildTables(_ patterns: [EntityPattern]) -> Tables {
        var entries: [Entry] = []
        for (order, pattern) in patterns.enumerated() {
            let scalars = pattern.text.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
            else { continue }
            let raw = Array(pattern.text.utf8[first..<scalars.index(after: last)])
            entries.append(Entry(order: order, entity: pattern.entity, raw: raw,
                                 folded: folded(raw), caseInsensitive: pattern.caseInsensitive))
        }
        entries.sort { $0.folded == $1.folded ? $0.order < $1.order : $0.folded.lexicographicallyPrecedes($1.folded) }

        var trie = Trie()
        var tables = Tables()
        for entry in entries {
            let node = trie.insert(entry.folded)
            var terminal = trie.terminal[node]
            if terminal < 0 {
                terminal = Int32(tables.terminals.count)
                trie.terminal[node] = terminal
                let at = Int32(tables.patterns.count)
                tables.terminals.append(Terminal(length: Int32(entry.folded.count), next: 0, firstPattern: at, endPattern: at))
            }
            let range = tables.terminals[Int(terminal)].firstPattern..<tables.terminals[Int(terminal)].endPattern
            let duplicate = range.contains { k in
                let other = tables.patterns[Int(k)]
                guard other.caseInsensitive == entry.caseInsensitive else { return false }
                let start = Int(other.rawStart)
                return entry.caseInsensitive || tables.rawBytes[start..<start + entry.raw.count].elementsEqual(entry.raw)
            }
            if duplicate { continue }  // same text for a later entity: the first one keeps it
            tables.patterns.append(StoredPattern(entity: entry.entity, rawStart: Int32(tables.rawBytes.count),
                                                 caseInsensitive: entry.caseInsensitive))
            tables.rawBytes += entry.raw
            tables.terminals[Int(terminal)].endPattern += 1
        }
        let slots = trie.layOut(into: &tables.cells)
        let order = trie.link(slots: slots, tables: &tables)
        trie.densify(order: order, slots: slots, tables: &tables)
        return tables
    }

    private struct Trie {
        var label: [UInt8] = [0]
        var firstChild: [Int32] = [-1]
        var lastChild: [Int32] = [-1]
        var sibling: [Int32] = [-1]
        var terminal: [Int32] = [-1]
        var depth: [Int32] = [0]

        mutating func insert(_ key: [UInt8]) -> Int {
            var node = 0
            for byte in key {
                let last = Int(lastChild[node])
                if last >= 0, label[last] == byte { node = last; continue }
                let child = label.count
                label.append(byte); firstChild.append(-1); lastChild.append(-1)
                sibling.append(-1); terminal.append(-1); depth.append(depth[node] + 1)
                if last >= 0 { sibling[last] = Int32(child) } else { firstChild[node] = Int32(child) }
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

        /// Depth-first first-fit placement keeps each name's chain of states in nearby slots, so
        /// following a long name through a large registry stays cache-friendly. Returns node → slot.
        func layOut(into cells: inout [Cell]) -> [Int32] {
            var slot = [Int32](repeating: 0, count: label.count)
            var free = FreeSlots()
            cells = []
            free.grow(to: 1024, cells: &cells)
            free.take(0)
            var stack = [0]
            while let node = stack.popLast() {
                let kids = children(of: node)
                guard let firstLabel = kids.first.map({ Int(label[$0]) }) else { continue }
                var base = 1
                if node != 0 {
                    var probe = free.head
                    while true {
                        if probe < 0 { probe = free.grow(to: cells.count * 2, cells: &cells) }
                        free.grow(to: probe + 257, cells: &cells)
                        base = probe - firstLabel
                        if base >= 1, kids.allSatisfy({ free.isFree(base + Int(label[$0])) }) { break }
                        probe = free.next[probe]
                    }
                }
                free.grow(to: base + 257, cells: &cells)
                let parent = slot[node]
                cells[Int(parent)].base = Int32(base)
                for kid in kids {
                    let s = base + Int(label[kid])
                    free.take(s)
                    cells[s].check = parent
                    slot[kid] = Int32(s)
                }
                stack += kids.reversed()
            }
            return slot
        }

        /// Breadth-first, so a state's failure target (always shallower) is finished before it.
        func link(slots: [Int32], tables: inout Tables) -> [Int] {
            tables.depth = [Int32](repeating: 0, count: tables.cells.count)
            var queue = [0]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                let parentSlot = Int(slots[node])
                for kid in children(of: node) {
                    queue.append(kid)
                    let s = Int(slots[kid])
                    var fail: Int32 = 0
                    if node != 0 {
                        var state = tables.cells[parentSlot].fail
                        while true {
                            let t = Int(tables.cells[Int(state)].base) + Int(label[kid])
                            if tables.cells[t].check == state { fail = Int32(t); break }
                            if state == 0 { break }
                            state = tables.cells[Int(state)].fail
                        }
                    }
                    tables.cells[s].fail = fail
                    tables.depth[s] = depth[kid]
                    let inherited = tables.cells[Int(fail)].report
                    if terminal[kid] >= 0 {
                        tables.terminals[Int(terminal[kid])].next = inherited
                        tables.cells[s].report = terminal[kid] + 1
                    } else {
                        tables.cells[s].report = inherited
                    }
                }
            }
            return queue
        }

        /// Gives the shallowest states (breadth-first, so failure targets come first) complete
        /// rows, then rewrites every remaining failure link as a state tag.
        func densify(order: [Int], slots: [Int32], tables: inout Tables) {
            var tag = Array(0..<Int32(tables.cells.count))
            var rows: [Int] = []
            for node in order where depth[node] <= EntityMatcher.denseDepth && rows.count < EntityMatcher.maxDenseRows {
                tag[Int(slots[node])] = ~Int32(rows.count)
                rows.append(node)
            }
            tables.dense = [Int32](repeating: ~0, count: rows.count << 8)
            for (row, node) in rows.enumerated() {
                let s = Int(slots[node])
                let cell = tables.cells[s]
                tables.denseReport.append(cell.report)
                tables.denseDepth.append(depth[node])
                let failRow = Int(~tag[Int(cell.fail)])
                for byte in 0..<256 {
                    let target = Int(cell.base) + byte
                    if tables.cells[target].check == Int32(s) {
                        tables.dense[row << 8 | byte] = tag[target]
                    } else if node != 0 {
                        tables.dense[row << 8 | byte] = tables.dense[failRow << 8 | byte]
                    }
                }
            }
            for s in tables.cells.indices { tables.cells[s].fail = tag[Int(tables.cells[s].fail)] }
        }
    }

    /// Doubly linked list of unused slots, so placement probes skip the dense, filled prefix.
    private struct FreeSlots {
        var next: [Int] = []
        var previous: [Int] = []
        var head = -1
        var tail = -1

        func isFree(_ slot: Int) -> Bool { next[slot] != -2 }

        /// Extends the cell array (every new slot free); returns the first new slot.
        @discardableResult
        mutating func grow(to size: Int, cells: inout [Cell]) -> Int {
            let first = cells.count
            guard size > first else { return first }
            let count = max(size, first * 3 / 2)
            cells += [Cell](repeating: Cell(), count: count - first)
            for s in first..<count {
                next.append(-1)
                previous.append(tail)
                if tail >= 0 { next[tail] = s } else { head = s }
                tail = s
            }
            return first
        }

        mutating func take(_ slot: Int) {
            let (before, after) = (previous[slot], next[slot])
            if before >= 0 { next[before] = after } else { head = after }
            if after >= 0 { previous[after] = before } else { tail = before }
            next[slot] = -2
        }
    }
}
