extension String {
    /// Escaped for HTML text and double-quoted attribute values. Every value Gloss puts into
    /// markup, its own or a template's, goes through here: one pass over the UTF-8 bytes (a
    /// multi-byte character never holds an ASCII byte), the string itself when nothing needs it.
    public var htmlEscaped: String {
        let utf8 = self.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: result += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: result += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: result += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: result += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: result += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
