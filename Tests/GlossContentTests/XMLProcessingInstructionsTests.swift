import Foundation
import GlossContent
import Testing

/// Processing instructions without data crash Foundation's XMLParser; they are blanked before
/// any feed or SVG is parsed, and nothing else changes.
@Suite struct XMLProcessingInstructionsTests {
    @Test func emptyInstructionsAreBlankedAndLineBreaksKept() {
        let blanked = XMLProcessingInstructions.blankingEmpty(Data("<?a?><!--<?b?>--><![CDATA[<?c?>]]><?d\n?>x<?e data?>".utf8))
        #expect(String(decoding: blanked, as: UTF8.self) == "     <!--<?b?>--><![CDATA[<?c?>]]>   \n  x<?e data?>")
    }

    @Test func utf16DocumentsInEitherOrderAndOddLengthsAreHandled() {
        let text = "<?x?><r/>"
        for (bom, encoding) in [([UInt8(0xFF), 0xFE], String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)] {
            let data = Data(bom) + text.data(using: encoding)! + Data([0x41])
            let blanked = XMLProcessingInstructions.blankingEmpty(data)
            #expect(blanked.count == data.count)
            #expect(String(data: blanked.dropFirst(2).dropLast(), encoding: encoding) == "     <r/>")
            #expect(blanked.last == 0x41)
        }
    }

    @Test func documentsWithoutEmptyInstructionsAreReturnedAsTheyAre() {
        for text in ["<?xml version=\"1.0\"?><rss/>", "no markup", "<", "<?", "<??>", "<!--", "<![CDATA[<?x?>", ""] {
            #expect(XMLProcessingInstructions.blankingEmpty(Data(text.utf8)) == Data(text.utf8))
        }
    }
}
