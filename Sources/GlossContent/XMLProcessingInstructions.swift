import Foundation

/// libxml2 reports a processing instruction without data (`<?target?>`) with a NULL data
/// pointer, which Foundation's XMLParser reads as a C string: a crash on a feed or an SVG from
/// anywhere (found by the import-feed fuzzer). Gloss needs no processing instructions, so such
/// ones are blanked to spaces before parsing (line breaks kept, so every later line and column
/// stays where it was). Comments and CDATA sections, where `<?` is only text, are left alone.
public enum XMLProcessingInstructions {
    public static func blankingEmpty(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        guard bytes.contains(UInt8(ascii: "?")) else { return data }
        let layout = Layout(bytes)
        var units = layout.units(bytes)
        guard blankEmpty(&units) else { return data }
        var result = layout.bytes(units)
        result += bytes[result.count...]  // a UTF-16 document's odd last byte
        return Data(result)
    }

    static let commentStart = Array("<!--".utf16), commentEnd = Array("-->".utf16)
    static let cdataStart = Array("<![CDATA[".utf16), cdataEnd = Array("]]>".utf16)
    static let instructionStart = Array("<?".utf16), instructionEnd = Array("?>".utf16)

    /// Blanks every empty processing instruction in `units`; true when there was one.
    static func blankEmpty(_ units: inout [UInt16]) -> Bool {
        let count = units.count
        func starts(_ pattern: [UInt16], at index: Int) -> Bool {
            index + pattern.count <= count && units[index ..< index + pattern.count].elementsEqual(pattern)
        }
        func end(of pattern: [UInt16], from index: Int) -> Int {
            var at = index
            while at < count, !(units[at] == pattern[0] && starts(pattern, at: at)) { at += 1 }
            return min(at + pattern.count, count)
        }
        let space = UInt16(UInt8(ascii: " ")), question = UInt16(UInt8(ascii: "?")), open = UInt16(UInt8(ascii: "<"))
        func isBlank(_ unit: UInt16) -> Bool { unit == 32 || unit == 9 || unit == 10 || unit == 13 }
        var changed = false
        var index = 0
        while index < count {
            guard units[index] == open else { index += 1; continue }
            if starts(commentStart, at: index) {
                index = end(of: commentEnd, from: index + commentStart.count)
            } else if starts(cdataStart, at: index) {
                index = end(of: cdataEnd, from: index + cdataStart.count)
            } else if starts(instructionStart, at: index) {
                var at = index + 2
                while at < count, !isBlank(units[at]), units[at] != question { at += 1 }
                let named = at > index + 2
                while at < count, isBlank(units[at]) { at += 1 }
                if named, starts(instructionEnd, at: at) {
                    for blank in index ... at + 1 where units[blank] != 10 && units[blank] != 13 { units[blank] = space }
                    changed = true
                    index = at + 2
                } else {
                    index = end(of: instructionEnd, from: at)
                }
            } else {
                index += 1
            }
        }
        return changed
    }

    /// How the document's characters are laid out in bytes: one byte each (UTF-8 and the other
    /// ASCII-compatible encodings) or UTF-16 in either order, by its byte-order mark or its `<?`.
    struct Layout {
        var wide = false
        var bigEndian = false

        init(_ bytes: [UInt8]) {
            guard bytes.count >= 2 else { return }
            switch (bytes[0], bytes[1]) {
            case (0xFF, 0xFE), (0x3C, 0x00): wide = true
            case (0xFE, 0xFF), (0x00, 0x3C): wide = true; bigEndian = true
            default: break
            }
        }

        func units(_ bytes: [UInt8]) -> [UInt16] {
            guard wide else { return bytes.map(UInt16.init) }
            return stride(from: 0, to: bytes.count - 1, by: 2).map { (at: Int) -> UInt16 in
                let high = UInt16(bytes[bigEndian ? at : at + 1]), low = UInt16(bytes[bigEndian ? at + 1 : at])
                return high << 8 | low
            }
        }

        func bytes(_ units: [UInt16]) -> [UInt8] {
            guard wide else { return units.map { UInt8(truncatingIfNeeded: $0) } }
            return units.flatMap { (unit: UInt16) -> [UInt8] in
                let high = UInt8(unit >> 8), low = UInt8(truncatingIfNeeded: unit)
                return bigEndian ? [high, low] : [low, high]
            }
        }
    }
}
