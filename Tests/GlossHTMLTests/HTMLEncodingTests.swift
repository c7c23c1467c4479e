import Testing
@testable import GlossHTML

@Suite struct HTMLEncodingTests {
    func text(_ bytes: [UInt8]) -> (String, String) {
        let document = HTMLDocument.parse(bytes: bytes)
        return (document.body.map { document.textContent($0) } ?? "", document.encoding.encoding)
    }

    func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func byteOrderMarks() {
        #expect(text([0xEF, 0xBB, 0xBF] + ascii("<p>caf") + [0xC3, 0xA9]) == ("caf\u{E9}", "utf-8"))
        let utf16le: [UInt8] = [0xFF, 0xFE] + "<p>\u{E9}t\u{E9}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(text(utf16le) == ("\u{E9}t\u{E9}", "utf-16le"))
        let utf16be: [UInt8] = [0xFE, 0xFF] + "<p>\u{E9}t\u{E9}".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(text(utf16be) == ("\u{E9}t\u{E9}", "utf-16be"))
    }

    @Test func metaCharsetDeclarations() {
        // Windows-1252 curly quotes and an e-acute, declared as ISO-8859-1 (which the web reads as Windows-1252).
        let latin = ascii("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><p>") + [0x93, 0x63, 0x61, 0x66, 0xE9, 0x94]
        #expect(text(latin) == ("\u{201C}caf\u{E9}\u{201D}", "windows-1252"))
        let declared = ascii("<!-- <meta charset=utf-8> --><meta charset='windows-1252'><p>") + [0x80, 0x20, 0x8A]
        #expect(text(declared) == ("\u{20AC} \u{160}", "windows-1252"))
        #expect(HTMLEncoding.decode([0x80, 0x9D, 0xFF], as: "windows-1252") == "\u{20AC}\u{9D}\u{FF}")
        let koi8 = ascii("<meta charset=koi8-r><p>") + [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        #expect(text(koi8) == ("\u{43F}\u{440}\u{438}\u{432}\u{435}\u{442}", "koi8-r"))
        let shiftJIS = ascii("<meta charset=\"Shift_JIS\"><p>") + [0x93, 0xFA, 0x96, 0x7B]
        #expect(text(shiftJIS) == ("\u{65E5}\u{672C}", "shift_jis"))
    }

    @Test func undeclaredPagesAreUTF8WhenValidElseWindows1252() {
        #expect(text(ascii("<p>caf") + [0xC3, 0xA9]) == ("caf\u{E9}", "utf-8"))
        #expect(text(ascii("<p>caf") + [0xE9, 0x20, 0x96, 0x20, 0x41]) == ("caf\u{E9} \u{2013} A", "windows-1252"))
    }

    @Test func aSavedPageReencodedAsUTF8KeepsItsText() {
        // Saved by a tool that rewrote the bytes as UTF-8 but left the old declaration.
        let page = ascii("<meta charset=iso-8859-1><p>caf") + [0xC3, 0xA9]
        #expect(text(page) == ("caf\u{E9}", "utf-8"))
        // A Chinese page declared GB2312 and saved as UTF-8: dozens of valid UTF-8 characters are proof.
        let chinese = String(repeating: "\u{4EBA}\u{5DE5}\u{667A}\u{80FD}\u{8FCE}\u{4E0A}\u{65B0}\u{53F0}\u{9636}\u{3002}", count: 4)
        #expect(text(ascii("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>") + Array(chinese.utf8)) == (chinese, "utf-8"))
        // Six bytes of GBK that happen to be valid UTF-8 (E6 B5 A3 E7 8A B2 is "\u{6D63}\u{72B2}") are read as declared.
        let gbk = ascii("<meta charset=gb2312><p>") + [0xE6, 0xB5, 0xA3, 0xE7, 0x8A, 0xB2]
        #expect(text(gbk).1 == "gbk")
    }

    @Test func undecodableBytesBecomeReplacementCharacters() {
        let page = ascii("<meta charset=shift_jis><p>a") + [0x93, 0xFA, 0x81]  // a lead byte cut off at the end
        #expect(text(page).0 == "a\u{65E5}\u{FFFD}")
        #expect(HTMLEncoding.encoding(forLabel: " UTF8 ") == "utf-8")
        #expect(HTMLEncoding.encoding(forLabel: "utf-16") == "utf-8")
        #expect(HTMLEncoding.encoding(forLabel: "x-made-up") == nil)
        #expect(MetaCharset.charset(inContent: "text/html;charset=\"gb2312\"") == "gb2312")
    }
}
