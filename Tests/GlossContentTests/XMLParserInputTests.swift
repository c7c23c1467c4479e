import Foundation
@testable import GlossContent
import Testing

/// What crashes Foundation's XMLParser (libxml2) is blanked, decoded or refused before any feed
/// or SVG is parsed, and nothing else changes.
@Suite struct XMLParserInputTests {
    func prepared(_ data: Data) -> Data { (try? XMLParserInput.prepare(data).get()) ?? Data("refused".utf8) }

    @Test func emptyInstructionsAreBlankedAndLineBreaksKept() {
        let blanked = prepared(Data("<?a?><!--<?b?>--><![CDATA[<?c?>]]><?d\n?>x<?e data?>".utf8))
        #expect(String(decoding: blanked, as: UTF8.self) == "     <!--<?b?>--><![CDATA[<?c?>]]>   \n  x<?e data?>")
    }

    @Test func utf16DocumentsInEitherOrderAndOddLengthsAreHandled() {
        let text = "<?x?><r/>"
        for (bom, encoding) in [([UInt8(0xFF), 0xFE], String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)] {
            let data = Data(bom) + text.data(using: encoding)! + Data([0x41])
            let blanked = prepared(data)
            #expect(blanked.count == data.count)
            #expect(String(data: blanked.dropFirst(2).dropLast(), encoding: encoding) == "     <r/>")
            #expect(blanked.last == 0x41)
        }
    }

    @Test func documentsWithoutEmptyInstructionsAreReturnedAsTheyAre() {
        for text in ["<?xml version=\"1.0\"?><rss/>", "no markup", "<", "<?", "<??>", "<!--", "<![CDATA[<?x?>", ""] {
            #expect(prepared(Data(text.utf8)) == Data(text.utf8))
        }
    }
}

extension XMLParserInputTests {
    /// libxml2 switches to a declared encoding with blanks around `=` and without `?>`, where the
    /// first check (a strict reading of the declaration) let a UTF-7 feed through (CI's fuzzer).
    @Test func theDeclaredEncodingIsReadAsLibxml2ReadsIt() {
        let declarations = ["<?xml version=\"1.0\" encoding=\"utf-7\">?\n<feed/>", "<?xml version='1.0' encoding\n=\r\n\t'utf-7'?><a/>",
                            "<?xml version=\"1.0\" encoding=\"utf-8\" encoding=\"utf-7\"?><a/>"]
        for text in declarations {
            #expect(XMLParserInput.declaredEncoding(Data(text.utf8)) != nil, "\(text)")
            #expect(throws: XMLParserInput.Refusal(message: "declares encoding `utf-7`, which Gloss does not read")) { try XMLParserInput.prepare(Data(text.utf8)).get() }
        }
        for text in ["<?xml version=\"1.0\"?><a encoding=\"utf-7\"/>", "<a/><?xml encoding='utf-7'?>", "<?xml version=\"1.0\" encoding=utf-7?>"] {
            #expect(XMLParserInput.declaredEncoding(Data(text.utf8)) == nil, "\(text)")
            #expect(prepared(Data(text.utf8)) == Data(text.utf8))
        }
        #expect(XMLParserInput.declaredEncoding(Data("<?xml version='1.0' encoding='UTF-16'?><a/>".data(using: .utf16LittleEndian)!)) == "UTF-16")
        // A byte-order mark says the bytes are UTF-8: the foreign declaration is only blanked.
        let marked = "\u{FEFF}<?xml encoding = \"utf-7\"?><a/>"
        #expect(XMLParserInput.declaredEncoding(Data(marked.utf8)) == "utf-7")
        #expect(String(decoding: prepared(Data(marked.utf8)), as: UTF8.self) == "\u{FEFF}<?xml                   ?><a/>")
    }

    @Test func aForeignSingleByteDocumentIsDecodedWithItsDeclarationBlanked() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<a>".utf8) + [0x80] + Array("</a>".utf8)
        let decoded = try XMLParserInput.prepare(Data(bytes), decode: { bytes, label in
            label == "windows-1252" ? String(decoding: bytes.map { $0 == 0x80 ? 0x45 : $0 }, as: UTF8.self) : nil
        }).get()
        #expect(String(decoding: decoded, as: UTF8.self) == "<?xml version=\"1.0\"                        ?>\n<a>E</a>")
    }

    @Test func aUTF16DocumentKeepsItsBytesWithoutTheForeignDeclaration() throws {
        let text = "<?xml version=\"1.0\" encoding=\"utf-7\"?><a/>"
        let prepared = try XMLParserInput.prepare(Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).get()
        #expect(String(data: prepared.dropFirst(2), encoding: .utf16LittleEndian) == "<?xml version=\"1.0\"                 ?><a/>")
    }

    @Test func ucs4AndEBCDICDocumentsAreRefused() {
        let text = "<?xml version=\"1.0\"?><a/>"
        for data in [text.data(using: .utf32LittleEndian)!, text.data(using: .utf32BigEndian)!, Data([0x4C, 0x6F, 0xA7, 0x94, 0x93])] {
            #expect(throws: XMLParserInput.Refusal.self) { try XMLParserInput.prepare(data).get() }
        }
    }
}
