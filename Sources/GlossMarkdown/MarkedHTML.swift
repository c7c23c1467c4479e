/// A document's HTML with its placeholders still in it, each as a pair of markers around
/// what it wraps: `\u{1}N\u{2}` opens placeholder N and `\u{1}/N\u{2}` closes it. The markers'
/// bytes are removed from every document's text before parsing, so only Gloss writes them.
public struct MarkedHTML: Sendable, Hashable {
    public var html: String

    public init(html: String) { self.html = html }

    static let start: UInt8 = 0x01
    static let end: UInt8 = 0x02

    static func open(_ number: Int) -> String { "\u{1}\(number)\u{2}" }
    static func close(_ number: Int) -> String { "\u{1}/\(number)\u{2}" }

    /// Replaces the marker bytes with U+FFFD, as HTML's parser would any control character.
    static func withoutMarkerBytes(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 == start || $0 == end }) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if byte == start || byte == end { result += [0xEF, 0xBF, 0xBD] } else { result.append(byte) }
        }
        return result
    }

    /// True when the HTML holds no placeholder.
    public var isPlain: Bool { !html.utf8.contains(Self.start) }

    /// The final HTML: each placeholder, innermost first, replaced by what `markup` makes of its
    /// number and the HTML it wraps (empty for a point such as a note reference).
    public func resolve(_ markup: (_ number: Int, _ content: String) -> String) -> String {
        if isPlain { return html }
        let bytes = Array(html.utf8)
        var stack: [(number: Int, content: [UInt8])] = [(-1, [])]
        stack[0].content.reserveCapacity(bytes.count + bytes.count / 4)
        var index = 0
        while index < bytes.count {
            guard let marker = bytes[index...].firstIndex(of: Self.start) else {
                stack[stack.count - 1].content += bytes[index...]
                break
            }
            stack[stack.count - 1].content += bytes[index..<marker]
            var cursor = marker + 1
            let closing = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
            if closing { cursor += 1 }
            var number = 0
            while cursor < bytes.count, bytes[cursor] != Self.end {
                number = number &* 10 &+ Int(bytes[cursor] &- 0x30)
                cursor += 1
            }
            index = cursor + 1
            if !closing {
                stack.append((number, []))
            } else if stack.count > 1 {
                let inner = stack.removeLast()
                stack[stack.count - 1].content += markup(inner.number, String(decoding: inner.content, as: UTF8.self)).utf8
            }
        }
        return String(decoding: stack[0].content, as: UTF8.self)
    }
}
