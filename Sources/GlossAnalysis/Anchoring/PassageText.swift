import Foundation

/// Text as the anchoring code compares it: typographic variants folded, white space collapsed,
/// with a map from every normalised unit back to the original UTF-8 bytes it came from,
/// so a match found in normalised text can be reported as a range of the text the editor sees.
struct PassageText: Sendable {
    /// Normalised Unicode scalar values.
    private(set) var units: [UInt32] = []
    /// `units[i]` came from the original bytes `starts[i] ..< ends[i]` (empty when offsets are not mapped).
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private let mapsOffsets: Bool

    static let space: UInt32 = 0x20

    /// Normalises `string`; pass `mapOffsets: false` for quotes and context, whose offsets are never needed.
    init(_ string: String, mapOffsets: Bool = true) {
        mapsOffsets = mapOffsets
        let scalars = Array(string.unicodeScalars)
        units.reserveCapacity(scalars.count)
        if mapOffsets {
            starts.reserveCapacity(scalars.count)
            ends.reserveCapacity(scalars.count)
        }
        var offset = 0
        var spaceStart = -1, spaceEnd = -1
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            let width = UTF8.width(scalar)
            if Self.isSpace(scalar) {
                if spaceStart < 0 { spaceStart = offset }
                offset += width
                spaceEnd = offset
                i += 1
                continue
            }
            if Self.isIgnorable(scalar.value) {
                offset += width
                i += 1
                continue
            }
            // A run of white space becomes one space; leading and trailing runs are dropped.
            if spaceStart >= 0 {
                if !units.isEmpty { append(Self.space, spaceStart, spaceEnd) }
                spaceStart = -1
            }
            // A base followed by combining marks is composed (NFC), so "e\u{301}" matches "é".
            var j = i + 1
            var end = offset + width
            while j < scalars.count, Self.isCombining(scalars[j]) {
                end += UTF8.width(scalars[j])
                j += 1
            }
            if j - i > 1 {
                var cluster = String.UnicodeScalarView()
                cluster.append(contentsOf: scalars[i ..< j])
                for composed in String(cluster).precomposedStringWithCanonicalMapping.unicodeScalars {
                    appendFolded(composed.value, offset, end)
                }
            } else {
                appendFolded(scalar.value, offset, end)
            }
            offset = end
            i = j
        }
    }

    var count: Int { units.count }
    var isEmpty: Bool { units.isEmpty }

    /// Original UTF-8 byte range covered by the normalised units `lo ..< hi` (requires `lo < hi`).
    func originalRange(_ lo: Int, _ hi: Int) -> Range<Int> {
        starts[lo] ..< ends[hi - 1]
    }

    private mutating func append(_ unit: UInt32, _ start: Int, _ end: Int) {
        units.append(unit)
        if mapsOffsets {
            starts.append(start)
            ends.append(end)
        }
    }

    /// Folds quote, dash and ellipsis variants to ASCII; every produced unit maps to the whole source span.
    private mutating func appendFolded(_ value: UInt32, _ start: Int, _ end: Int) {
        switch value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2039, 0x203A, 0x02BC:
            append(0x27, start, end) // ‘ ’ ‚ ‛ ′ ‹ › ʼ → '
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB:
            append(0x22, start, end) // “ ” „ ‟ ″ « » → "
        case 0x2010 ... 0x2015, 0x2212:
            append(0x2D, start, end) // ‐ ‑ ‒ – — ― − → -
        case 0x2026:
            for _ in 0 ..< 3 { append(0x2E, start, end) } // … → ...
        default:
            append(value, start, end)
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (0x09 ... 0x0D).contains(v) }
        return scalar.properties.isWhitespace
    }

    /// Invisible characters that CMSs sprinkle into text (soft hyphen, zero-width space, word joiner, BOM).
    static func isIgnorable(_ v: UInt32) -> Bool {
        v == 0x00AD || v == 0x200B || v == 0x2060 || v == 0xFEFF
    }

    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && scalar.properties.canonicalCombiningClass != .notReordered
    }
}

/// The article's blocks, normalised once, with the cross-block context used to weigh prefix and suffix.
struct PassageArticle: Sendable {
    let blocks: [String]
    let texts: [PassageText]

    init(_ blocks: [String]) {
        self.blocks = blocks
        texts = blocks.map { PassageText($0) }
    }

    /// Up to `count` normalised units just before unit `index` of `block`, reaching into earlier blocks
    /// (joined by one space); white space touching the passage is skipped. `complete` is false at the article start.
    func before(block: Int, index: Int, count: Int) -> (units: [UInt32], complete: Bool) {
        var out: [UInt32] = []
        var b = block, i = index
        while out.count < count {
            if i > 0 {
                i -= 1
                let u = texts[b].units[i]
                if out.isEmpty, u == PassageText.space { continue }
                out.append(u)
            } else {
                repeat { b -= 1 } while b >= 0 && texts[b].isEmpty
                if b < 0 { return (out.reversed(), false) }
                i = texts[b].count
                if !out.isEmpty { out.append(PassageText.space) }
            }
        }
        return (Array(out.prefix(count).reversed()), true)
    }

    /// Up to `count` normalised units from unit `index` of `block` onwards; the mirror image of `before`.
    func after(block: Int, index: Int, count: Int) -> (units: [UInt32], complete: Bool) {
        var out: [UInt32] = []
        var b = block, i = index
        while out.count < count {
            if i < texts[b].count {
                let u = texts[b].units[i]
                i += 1
                if out.isEmpty, u == PassageText.space { continue }
                out.append(u)
            } else {
                repeat { b += 1 } while b < texts.count && texts[b].isEmpty
                if b >= texts.count { return (out, false) }
                i = 0
                if !out.isEmpty { out.append(PassageText.space) }
            }
        }
        return (Array(out.prefix(count)), true)
    }

    /// Converts normalised units `lo ..< hi` of `block` to an anchor over the original bytes.
    /// Exact matches must start and end on Character boundaries (no half an emoji or a base letter without its
    /// accent); approximate ones are widened to the enclosing Characters instead.
    func anchor(block: Int, _ lo: Int, _ hi: Int, widen: Bool) -> TextAnchor? {
        let range = texts[block].originalRange(lo, hi)
        let text = blocks[block]
        let start = Self.boundary(in: text, at: range.lowerBound, step: widen ? -1 : 0)
        let end = Self.boundary(in: text, at: range.upperBound, step: widen ? 1 : 0)
        guard let start, let end, start < end else { return nil }
        return TextAnchor(block: block, range: start ..< end)
    }

    /// Widens normalised units `lo ..< hi` of `block` to whole Characters of the original text,
    /// returning the widened units and their anchor (used for approximate matches).
    func widened(block: Int, _ lo: Int, _ hi: Int) -> (lo: Int, hi: Int, anchor: TextAnchor)? {
        guard let anchor = anchor(block: block, lo, hi, widen: true) else { return nil }
        let text = texts[block]
        var lo = lo, hi = hi
        while lo > 0, text.starts[lo - 1] >= anchor.range.lowerBound { lo -= 1 }
        while hi < text.count, text.ends[hi] <= anchor.range.upperBound { hi += 1 }
        return (lo, hi, anchor)
    }

    /// The nearest Character boundary from `offset` walking by `step` scalars (0: `offset` itself or nil).
    private static func boundary(in text: String, at offset: Int, step: Int) -> Int? {
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: offset)
        for _ in 0 ..< 64 {
            if String.Index(index, within: text) != nil { return utf8.distance(from: utf8.startIndex, to: index) }
            if step < 0, index > text.startIndex {
                index = text.unicodeScalars.index(before: index)
            } else if step > 0, index < text.endIndex {
                index = text.unicodeScalars.index(after: index)
            } else {
                break
            }
        }
        return step == 0 ? nil : offset
    }

    /// The original text of an anchor.
    func text(of anchor: TextAnchor) -> String {
        let utf8 = blocks[anchor.block].utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: anchor.range.lowerBound)
        let hi = utf8.index(utf8.startIndex, offsetBy: anchor.range.upperBound)
        return String(decoding: utf8[lo ..< hi], as: UTF8.self)
    }
}
