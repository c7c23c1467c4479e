/// Finds the encoding a page declares in `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, on the raw bytes (before
/// they can be decoded), skipping comments and other tags as the HTML prescan does.
enum MetaCharset {
    static func find(in bytes: ArraySlice<UInt8>) -> String? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if matches(bytes, at: index, "<!--") {
                index = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.endIndex
                continue
            }
            if matches(bytes, at: index, "<body") { return nil }
            if matches(bytes, at: index, "<meta"), index + 5 < bytes.endIndex, isSpace(bytes[index + 5]) || bytes[index + 5] == UInt8(ascii: "/") {
                let (attributes, end) = readAttributes(bytes, from: index + 5)
                index = end
                if let charset = attributes["charset"], !charset.isEmpty { return charset }
                if attributes["http-equiv"]?.lowercased() == "content-type", let content = attributes["content"], let label = charset(inContent: content) {
                    return label
                }
                continue
            }
            index = bytes[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.endIndex
        }
        return nil
    }

    /// `text/html; charset=ISO-8859-1` → `ISO-8859-1`.
    static func charset(inContent content: String) -> String? {
        let lower = content.lowercased()
        guard let range = lower.range(of: "charset") else { return nil }
        var rest = lower[range.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let label = rest.prefix { !" ;\"'".contains($0) }
        return label.isEmpty ? nil : String(label)
    }

    /// Attributes of a tag up to its `>`: lowercased names, values unquoted.
    static func readAttributes(_ bytes: ArraySlice<UInt8>, from start: Int) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var index = start
        while index < bytes.endIndex {
            while index < bytes.endIndex, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.endIndex, bytes[index] != UInt8(ascii: ">") else { return (attributes, min(index + 1, bytes.endIndex)) }
            let nameStart = index
            while index < bytes.endIndex, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < bytes.endIndex, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.endIndex, isSpace(bytes[index]) { index += 1 }
                if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = bytes[valueStart...].firstIndex(of: quote) ?? bytes.endIndex
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    index = min(index + 1, bytes.endIndex)
                } else {
                    let valueStart = index
                    while index < bytes.endIndex, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
            if index == nameStart { index += 1 }
        }
        return (attributes, index)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    /// Case-insensitive ASCII match of `pattern` (lowercase) at `index`.
    static func matches(_ bytes: ArraySlice<UInt8>, at index: Int, _ pattern: String) -> Bool {
        var position = index
        for expected in pattern.utf8 {
            guard position < bytes.endIndex else { return false }
            let byte = bytes[position]
            guard (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == expected else { return false }
            position += 1
        }
        return true
    }

    static func find(_ bytes: ArraySlice<UInt8>, _ pattern: String, from start: Int) -> Int? {
        var index = start
        while index < bytes.endIndex {
            if matches(bytes, at: index, pattern) { return index }
            index += 1
        }
        return nil
    }
}
