import Foundation

/// A document from anywhere made safe for Foundation's XMLParser (libxml2 2.9 underneath), which
/// crashes on two kinds of input, both found by the import-feed fuzzer:
/// - a processing instruction without data (`<?target?>`) is reported with a NULL data pointer,
///   which XMLParser reads as a C string. Gloss needs no processing instructions, so such ones are
///   blanked to spaces (line breaks kept, so every later line and column stays where it was);
///   `<?` inside comments and CDATA sections is only text and is left alone.
/// - a declared encoding libxml2 does not decode itself sends the push parser to iconv, where a
///   parse error in a UTF-7 document crashed it. Such a declaration is blanked too, and the bytes
///   are decoded by the caller's `decode` (to UTF-8) or the document is refused; UCS-4 and EBCDIC
///   documents, which libxml2 also decodes through iconv, are refused.
public enum XMLParserInput {
    /// Why a document is not parsed, said of it: "declares encoding `utf-7`, which …".
    public struct Refusal: Error, Equatable, Sendable {
        public let message: String
    }

    /// The encodings libxml2 decodes itself.
    public static let nativeEncodings: Set<String> = ["utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii", "iso-8859-1", "latin1"]

    /// The bytes to give XMLParser. `decode` turns a single-byte document in a declared foreign
    /// encoding into text (nil when it cannot); without one such documents are refused.
    public static func prepare(_ data: Data, decode: (_ bytes: [UInt8], _ encoding: String) -> String? = { _, _ in nil }) -> Result<Data, Refusal> {
        let bytes = [UInt8](data)
        if iconvSignatures.contains(where: { bytes.starts(with: $0) }) {
            return .failure(Refusal(message: "is in UCS-4 or EBCDIC, which Gloss does not read (UTF-8, UTF-16 and declared single-byte encodings are read)"))
        }
        guard bytes.contains(UInt8(ascii: "?")) else { return .success(data) }
        let layout = Layout(bytes)
        var units = layout.units(bytes)
        var changed = blankEmpty(&units)
        let declarations = encodingDeclarations(units)
        if let foreign = declarations.first(where: { !nativeEncodings.contains($0.name.lowercased()) }) {
            for declaration in declarations { for index in declaration.range { units[index] = space } }
            changed = true
            // A byte-order mark says what the bytes are, whatever the declaration says.
            if !layout.wide, !bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                guard let text = decode(layout.bytes(units), foreign.name) else {
                    return .failure(Refusal(message: "declares encoding `\(foreign.name)`, which Gloss does not read"))
                }
                return .success(Data(text.utf8))
            }
        }
        guard changed else { return .success(data) }
        var result = layout.bytes(units)
        result += bytes[result.count...]  // a UTF-16 document's odd last byte
        return .success(Data(result))
    }

    /// The `encoding` of the document's XML declaration, as libxml2 reads it: any blanks around
    /// `=`, with or without a closing `?>`, after an optional byte-order mark, in either layout.
    static func declaredEncoding(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        return encodingDeclarations(Layout(bytes).units(bytes)).first?.name
    }

    /// Byte patterns libxml2 reads as UCS-4 (with or without a byte-order mark) or EBCDIC.
    static let iconvSignatures: [[UInt8]] = [[0, 0, 0, 0x3C], [0x3C, 0, 0, 0], [0, 0, 0x3C, 0], [0, 0x3C, 0, 0],
                                             [0, 0, 0xFE, 0xFF], [0xFF, 0xFE, 0, 0], [0x4C, 0x6F, 0xA7, 0x94]]
    static let space = UInt16(UInt8(ascii: " "))
    static let xmlDeclarationStart = Array("<?xml".utf16), encodingName = Array("encoding".utf16)

    /// Where `encoding="…"` is in the XML declaration, and the name. libxml2 reads one only
    /// before the declaration's first `>`; every such occurrence counts, however malformed the rest.
    static func encodingDeclarations(_ units: [UInt16]) -> [(range: Range<Int>, name: String)] {
        var start = 0
        if units.first == 0xFEFF { start = 1 } else if units.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard units[start...].starts(with: xmlDeclarationStart) else { return [] }
        var found: [(range: Range<Int>, name: String)] = []
        let count = units.count, close = UInt16(UInt8(ascii: ">")), equals = UInt16(UInt8(ascii: "="))
        var index = start + xmlDeclarationStart.count
        while index < count, units[index] != close {
            guard units[index...].starts(with: encodingName) else { index += 1; continue }
            var at = index + encodingName.count
            while at < count, isBlank(units[at]) { at += 1 }
            guard at < count, units[at] == equals else { index += 1; continue }
            at += 1
            while at < count, isBlank(units[at]) { at += 1 }
            guard at < count, units[at] == 0x22 || units[at] == 0x27 else { index += 1; continue }
            let quote = units[at]
            var end = at + 1
            while end < count, units[end] != quote, units[end] != close { end += 1 }
            guard end < count, units[end] == quote else { index += 1; continue }
            found.append((index ..< end + 1, String(decoding: units[(at + 1) ..< end], as: UTF16.self)))
            index = end + 1
        }
        return found
    }

    static func isBlank(_ unit: UInt16) -> Bool { unit == 32 || unit == 9 || unit == 10 || unit == 13 }

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
        let question = UInt16(UInt8(ascii: "?")), open = UInt16(UInt8(ascii: "<"))
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
