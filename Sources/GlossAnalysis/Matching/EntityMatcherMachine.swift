extension EntityMatcher {
    // Deep states (below the dense rows) live in one byte array, `code`, in trie preorder, and a
    // state's tag is its byte offset. A rare name's path is cold in a large registry, so every
    // cache line it spans costs a trip to memory: the layout is as small as the scan allows.
    //
    // A node is a 16-bit head (flags in the high byte; in the low one, the class of the only
    // child, or the number of children of a branch), then, if it branches, its children's
    // classes in order and their offsets, then its extras, padded to an even size.
    // A lone child is the next node. A branch's table sits right after the head, so its classes
    // load while the head does. Offsets are even, so a half offset can key the failure index.
    //
    // Extras: a terminal (a pattern ends here) has its failure target if that is stored (mentions
    // end at terminals, so their failure is on the hot path), the offset of the next shorter
    // pattern's record if any, and its own record; any other node with a report has the offset of
    // the record of the longest pattern ending here. A record is 32 bits: entity << 9 | (next
    // shorter record stored before this one) << 8 | length in bytes. A length byte of 0 means
    // entity, order and length are in `overflow`, at the index in place of the entity: for large
    // values, and for patterns whose order matters (see `Key.tied`); the rest report order 0.

    enum Node {
        static let label: UInt16 = 0x00FF
        static let leaf: UInt16 = 0x0100
        /// A branch's children are at 16-bit offsets from it; a wide branch's, at 32-bit ones.
        static let branch: UInt16 = 0x0200
        static let wideBranch: UInt16 = 0x0300
        static let kind: UInt16 = 0x0300
        static let hasReport: UInt16 = 0x0400
        /// This node's own record is among its extras (implies `hasReport`).
        static let terminal: UInt16 = 0x0800
        /// Neither this node nor any on its failure chain continues with a separator.
        static let separatorToRoot: UInt16 = 0x1000
        /// Failure target: none of these bits, `skip`; `failsToRoot`, root; `failsElsewhere`,
        /// the first extra for a terminal, else the failure index.
        static let failsToRoot: UInt16 = 0x2000
        static let failsElsewhere: UInt16 = 0x4000
        /// A terminal whose extras hold the next shorter pattern's record offset.
        static let chained: UInt16 = 0x8000
        /// The common step is one compare: a lone child with no report in the way.
        static let plainLone: UInt16 = label | kind | hasReport
        static let recordBytes: Int32 = 4
        static let recordChained: UInt32 = 0x100

        /// Bytes of extras: 4 for a report, else for a terminal its record and whichever of
        /// failure target and chain it stores.
        @inline(__always)
        static func extras(_ head: UInt16) -> Int32 {
            let flags = Int32(head >> 10)
            return (flags & 1 &+ (flags >> 1 & 1) &* (flags >> 4 & 1) &+ (flags >> 5 & 1)) &* 4
        }

        /// Offset of the extras: past the head and, for a branch, its table.
        @inline(__always)
        static func extrasStart(_ state: Int32, _ head: UInt16) -> Int32 {
            state &+ 2 &+ (head & branch != 0 ? Int32(head & label) &* (3 &+ Int32(head >> 8 & 1) &* 2) : 0)
        }

        /// Offset of a terminal's own record.
        @inline(__always)
        static func record(_ state: Int32, _ head: UInt16) -> Int32 {
            extrasStart(state, head) &+ Int32(head >> 14 & 1) &* 4 &+ Int32(head >> 15) &* 4
        }
    }

    /// A record whose values do not fit the packed one.
    struct Overflow {
        var entity: Int
        var order: Int32
        var length: Int
    }

    /// One machine's tables in raw buffers, so the scan runs without bounds checks or retain
    /// traffic; immutable after `init`, hence shareable between threads.
    final class Machine: @unchecked Sendable {
        private let buffers: [UnsafeMutableRawPointer]
        let view: View
        /// For tests and diagnostics: bytes of deep states, most children of one node, and
        /// branches whose children are too far for 16-bit offsets.
        let codeBytes: Int
        let widestBranch: Int
        let wideBranches: Int

        init(_ tables: Tables, folds: Bool) {
            var buffers: [UnsafeMutableRawPointer] = []
            func copy<T>(_ array: [T]) -> UnsafePointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
                _ = buffer.initialize(from: array)
                buffers.append(UnsafeMutableRawPointer(buffer.baseAddress!))
                return UnsafePointer(buffer.baseAddress!)
            }
            let textClass = (0..<256).map { tables.byteClass[Int(folds ? ScalarTables.byteFold[$0] : UInt8($0))] }
            view = View(code: UnsafeRawPointer(copy(tables.code)), dense: copy(tables.dense),
                        denseReport: copy(tables.denseReport), denseDepth: copy(tables.denseDepth),
                        byteClass: copy(tables.byteClass), textClass: copy(textClass), separates: copy(tables.separates),
                        failBits: copy(tables.failures.bits), failRank: copy(tables.failures.rank),
                        failTargets: copy(tables.failures.targets), overflow: copy(tables.overflow),
                        rowShift: tables.rowShift, reportRowsFrom: tables.reportRowsFrom, skip: tables.skip, folds: folds)
            self.buffers = buffers
            codeBytes = tables.code.count
            widestBranch = tables.widestBranch
            wideBranches = tables.wideBranches
        }

        deinit { for buffer in buffers { buffer.deallocate() } }
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
        let code: UnsafeRawPointer
        let dense: UnsafePointer<Int32>
        let denseReport: UnsafePointer<Int32>
        let denseDepth: UnsafePointer<Int32>
        let byteClass: UnsafePointer<UInt8>
        /// `byteClass` after folding ASCII, if this machine folds: single text bytes index it directly.
        let textClass: UnsafePointer<UInt8>
        let separates: UnsafePointer<Bool>
        let failBits: UnsafePointer<UInt64>
        let failRank: UnsafePointer<Int32>
        let failTargets: UnsafePointer<Int32>
        let overflow: UnsafePointer<Overflow>
        let rowShift: Int
        let reportRowsFrom: Int32
        let skip: Int32
        let folds: Bool

        @inline(__always)
        func head(_ state: Int32) -> UInt16 { code.loadUnaligned(fromByteOffset: Int(state), as: UInt16.self) }

        @inline(__always)
        func int32(at offset: Int32) -> Int32 { code.loadUnaligned(fromByteOffset: Int(offset), as: Int32.self) }

        @inline(__always)
        func step(_ from: Int32, ascii byte: UInt8) -> Int32 { step(from, textClass[Int(byte)]) }

        /// Failure links are only followed from deep states; a dense row answers every class.
        @inline(__always)
        func step(_ from: Int32, _ byteClass: UInt8) -> Int32 {
            var state = from
            while state >= 0 {
                let head = head(state)
                if head & Node.plainLone == UInt16(byteClass) { return state &+ 2 }
                if head & (Node.label | Node.kind) == UInt16(byteClass) { return state &+ 2 &+ Node.extras(head) }
                if head & Node.branch != 0, let child = branchChild(state, head, byteClass) { return child }
                if head & Node.separatorToRoot != 0, separates[Int(byteClass)] { return DenseRow.root }
                // `skip` answers a separator with root, which `separatorToRoot` (always set when
                // failing to `skip`) has handled, and anything else with itself.
                if head & (Node.failsToRoot | Node.failsElsewhere) == 0 { return skip }
                state = failure(state, head)
            }
            return dense[Int(~state) &+ Int(byteClass)]
        }

        /// The branch's classes are compared eight at a time; the first load needs only the state.
        @inline(__always)
        func branchChild(_ state: Int32, _ head: UInt16, _ byteClass: UInt8) -> Int32? {
            let count = Int(head & Node.label)
            let classes = Int(state) &+ 2
            let wanted = UInt64(byteClass) &* 0x0101_0101_0101_0101
            var first = 0
            while first < count {
                let differences = code.loadUnaligned(fromByteOffset: classes &+ first, as: UInt64.self) ^ wanted
                let zeros = (differences &- 0x0101_0101_0101_0101) & ~differences & 0x8080_8080_8080_8080
                if zeros != 0 {
                    let index = first &+ zeros.trailingZeroBitCount >> 3  // the lowest flag is exact
                    guard index < count else { return nil }
                    if head & Node.kind == Node.branch {
                        return state &+ Int32(code.loadUnaligned(fromByteOffset: classes &+ count &+ 2 &* index, as: UInt16.self))
                    }
                    return code.loadUnaligned(fromByteOffset: classes &+ count &+ 4 &* index, as: Int32.self)
                }
                first &+= 8
            }
            return nil
        }

        @inline(__always)
        func failure(_ state: Int32, _ head: UInt16) -> Int32 {
            if head & Node.failsToRoot != 0 { return DenseRow.root }
            if head & Node.terminal != 0 { return int32(at: Node.extrasStart(state, head)) }
            // Rank of this node among those with a stored failure target.
            let half = Int(state) >> 1
            let below = failBits[half >> 6] & ((1 << UInt64(half & 63)) &- 1)
            return failTargets[Int(failRank[half >> 6]) &+ below.nonzeroBitCount]
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
            let head = head(state)
            if head & Node.hasReport == 0 { return 0 }
            return head & Node.terminal != 0 ? Node.record(state, head) : int32(at: Node.extrasStart(state, head))
        }

        /// How far back a match in progress may start; `nil` (not known) for deep states, whose
        /// nodes have no room for it: the pending group then settles at the next dense state.
        @inline(__always)
        func depth(_ state: Int32) -> Int? {
            state < 0 ? Int(denseDepth[Int(~state) >> rowShift]) : nil
        }

        /// Offers the patterns ending at `end`, longest first along dictionary-suffix links; every
        /// one is a candidate, so a longer one failing the word test never hides a shorter one.
        @inline(never)
        func collect(_ report: Int32, end: Int, into resolver: inout Resolver) {
            var next = report
            while next != 0 {
                let record = UInt32(bitPattern: int32(at: next))
                next = record & Node.recordChained != 0 ? int32(at: next &- 4) : 0
                var entity = Int(record >> 9), order: Int32 = 0, length = Int(record & 0xFF)
                if length == 0 {
                    let big = overflow[entity]
                    (entity, order, length) = (big.entity, big.order, big.length)
                }
                let start = end - length
                resolver.offer(EntityMatch(entity: entity, range: start..<end), order: order)
                // A shorter match ending here lies inside this one, so it can only win if this one
                // loses to an earlier, overlapping candidate.
                guard resolver.earlierCandidateOverlaps(start) else { return }
            }
        }
    }
}
