import Yams

/// Front-matter text holds no control characters that XML forbids. YAML lets a double-quoted
/// string spell any of them (`"\0"`, `"\a"`, `"\x1B"`); they make feeds ill-formed (XML 1.0
/// allows none of U+0000–U+001F but tab and line breaks, nor U+FFFE and U+FFFF), drive terminals
/// and hide in page titles. Each string holding one is a warning at its place, and they are
/// removed before the value is decoded.
enum FrontMatterText {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }

    static func withoutControls(_ node: Node, path: String, lineOffset: Int, diagnostics: inout [Diagnostic]) -> Node {
        switch node {
        case .scalar(var scalar):
            guard let first = scalar.string.unicodeScalars.first(where: isControl) else { return node }
            diagnostics.append(.warning(path, line: (scalar.mark?.line ?? 1) + lineOffset, column: scalar.mark?.column ?? 1,
                "text holds control characters (first U+\(hex(first.value))); they are removed"))
            let tag = scalar.tag
            scalar.string = String(String.UnicodeScalarView(scalar.string.unicodeScalars.filter { !isControl($0) }))
            scalar.tag = tag
            return .scalar(scalar)
        case .mapping(var mapping):
            for index in mapping.indices {
                let pair = mapping[index]
                mapping[index] = (withoutControls(pair.key, path: path, lineOffset: lineOffset, diagnostics: &diagnostics),
                                  withoutControls(pair.value, path: path, lineOffset: lineOffset, diagnostics: &diagnostics))
            }
            return .mapping(mapping)
        case .sequence(var sequence):
            for index in sequence.indices {
                sequence[index] = withoutControls(sequence[index], path: path, lineOffset: lineOffset, diagnostics: &diagnostics)
            }
            return .sequence(sequence)
        case .alias:
            return node
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
