extension EntityMatcher.Trie {
    typealias Node = EntityMatcher.Node

    /// Rows go to the shallowest nodes breadth-first, as those see the most prose; every other
    /// node goes into `code` depth-first, so a lone child is the next node and the tail of a name
    /// (the part no other name shares) is a few contiguous bytes ending in its record.
    func layOut(order: [Int], terminals: [EntityMatcher.Key], into tables: inout EntityMatcher.Tables) {
        while 1 << tables.rowShift < tables.classCount { tables.rowShift += 1 }
        let width = 1 << tables.rowShift
        var shallow: [Int] = []
        for node in order.dropFirst() where depth[node] <= EntityMatcher.DenseRow.maxStateDepth {
            guard (shallow.count + 3) * width <= EntityMatcher.DenseRow.maxEntries else { break }
            shallow.append(node)
        }
        // Rows with a report go last, so the scan spots them by offset without a load.
        let quiet = shallow.filter { report[$0] < 0 }
        let rows = [0, Self.skip] + quiet + shallow.filter { report[$0] >= 0 }
        tables.reportRowsFrom = Int32((2 + quiet.count) * width)
        tables.skip = ~Int32(width)
        var tag = [Int32](repeating: 0, count: label.count)
        for (row, node) in rows.enumerated() where node >= 0 { tag[node] = ~Int32(row * width) }

        // Offsets. A terminal with a row still needs its record, placed where its node would be.
        let storesFailure = { (node: Int) in fail[node] != Self.skip && fail[node] != 0 }
        let isDeep = { (node: Int) in tag[node] >= 0 }
        var kidCount = [Int32](repeating: 0, count: label.count)
        for node in 1..<label.count { kidCount[Int(parent[node])] += 1 }
        func tableBytes(_ node: Int, wide: Bool) -> Int32 {
            kidCount[node] > 1 ? kidCount[node] * (wide ? 5 : 3) : 0
        }
        func extrasBytes(_ node: Int) -> Int32 {
            guard terminal[node] >= 0 else { return report[node] >= 0 && isDeep(node) ? 4 : 0 }
            let chained: Int32 = terminalNext[Int(terminal[node])] >= 0 ? 4 : 0
            return (isDeep(node) && storesFailure(node) ? 4 : 0) + chained + Node.recordBytes
        }
        // A branch reaches its children by 16-bit relative offsets unless its subtree might be
        // too large for them (bounded with every table wide).
        var bound = [Int32](repeating: 0, count: label.count)
        for node in order.reversed() where isDeep(node) {  // children first
            bound[node] += (2 + tableBytes(node, wide: true) + extrasBytes(node) + 1) & ~1
            bound[Int(parent[node])] += bound[node]
        }
        let wide = { (node: Int) in bound[node] > Int32(UInt16.max) }
        var recordAt = [Int32](repeating: 0, count: terminals.count)
        var deep: [Int] = []
        var size: Int32 = 2  // offset 0 stays free, so a report of 0 means none
        var stack = [0]
        while let node = stack.popLast() {
            stack += children(of: node).reversed()
            if isDeep(node) {
                tag[node] = size
                deep.append(node)
                size += 2 + tableBytes(node, wide: wide(node))
            }
            if terminal[node] >= 0 { recordAt[Int(terminal[node])] = size + extrasBytes(node) - Node.recordBytes }
            size += extrasBytes(node)
            size += size & 1  // keep offsets even
            precondition(size < Int32.max - 1024, "entity names too large for one matcher")
        }
        let tagOf = { [skip = tables.skip] (node: Int) in node == Self.skip ? skip : tag[node] }

        tables.dense = [Int32](repeating: 0, count: rows.count * width)
        for (row, node) in rows.enumerated() {
            for byteClass in 0..<tables.classCount {
                tables.dense[row * width + byteClass] = tagOf(step(node, UInt8(byteClass)))
            }
            tables.denseReport.append(node >= 0 && report[node] >= 0 ? recordAt[Int(report[node])] : 0)
            tables.denseDepth.append(node < 0 ? 0 : depth[node])
        }

        var code = [UInt8](repeating: 0, count: Int(size) + 8)  // slack for 8-byte class compares
        code.withUnsafeMutableBytes { code in
            func store<T>(_ value: T, at offset: Int32) { code.storeBytes(of: value, toByteOffset: Int(offset), as: T.self) }
            for (t, key) in terminals.enumerated() {
                let record = recordAt[t]
                var packed = terminalNext[t] >= 0 ? Node.recordChained : 0
                if terminalNext[t] >= 0 { store(recordAt[Int(terminalNext[t])], at: record - 4) }
                if !key.tied, key.entity >= 0, key.entity < 1 << 23, key.bytes.count < 256 {
                    packed |= UInt32(key.entity) << 9 | UInt32(key.bytes.count)
                } else {
                    precondition(tables.overflow.count < 1 << 23, "too many entity names with large values")
                    packed |= UInt32(tables.overflow.count) << 9
                    tables.overflow.append(EntityMatcher.Overflow(
                        entity: key.entity, order: Int32(truncatingIfNeeded: key.order), length: key.bytes.count))
                }
                store(packed, at: record)
            }
            var failures: [(offset: Int32, target: Int32)] = []
            for node in deep {
                let offset = tag[node]
                let kids = children(of: node)
                var head = kids.isEmpty ? Node.leaf : UInt16(label[kids[0]])
                if kids.count > 1 { head = (wide(node) ? Node.wideBranch : Node.branch) | UInt16(kids.count) }
                if fail[node] == Self.skip || separatorsFail[fail[node]] { head |= Node.separatorToRoot }
                if fail[node] == 0 { head |= Node.failsToRoot }
                let extras = Node.extrasStart(offset, head)
                if storesFailure(node) {
                    head |= Node.failsElsewhere
                    if terminal[node] >= 0 { store(tagOf(fail[node]), at: extras) }
                    else { failures.append((offset, tagOf(fail[node]))) }
                }
                if terminal[node] >= 0 {
                    head |= Node.hasReport | Node.terminal
                    if terminalNext[Int(terminal[node])] >= 0 { head |= Node.chained }
                    assert(Node.record(offset, head) == recordAt[Int(terminal[node])])
                } else if report[node] >= 0 {
                    head |= Node.hasReport
                    store(recordAt[Int(report[node])], at: extras)
                }
                store(head, at: offset)
                assert(kids.count != 1 || tag[kids[0]] == offset + 2 + Node.extras(head), "a lone child is the next node")
                guard kids.count > 1 else { continue }
                for (k, kid) in kids.enumerated() {
                    store(label[kid], at: offset + 2 + Int32(k))
                    if wide(node) { store(tag[kid], at: offset + 2 + Int32(kids.count + 4 * k)) }
                    else { store(UInt16(tag[kid] - offset), at: offset + 2 + Int32(kids.count + 2 * k)) }
                }
                tables.widestBranch = max(tables.widestBranch, kids.count)
                if wide(node) { tables.wideBranches += 1 }
            }
            tables.failures = EntityMatcher.FailureIndex(failures, codeBytes: code.count)
        }
        tables.code = code
    }
}
