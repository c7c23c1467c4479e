import Testing
@testable import GlossImport

/// Line normalisation: every kind of space one " ", invisible characters gone, ends trimmed;
/// the UTF-8 path (most lines) gives what the scalar-by-scalar definition gives.
@Suite struct TextNormaliserTests {
    @Test func spacesCollapseAndInvisibleCharactersGo() {
        #expect(TextNormaliser.normalise("  a\u{A0}\u{A0}b \u{200B}c\u{2003} ") == "a b c")
        #expect(TextNormaliser.normalise("co\u{AD}operate\u{FEFF}") == "cooperate")
        #expect(TextNormaliser.normalise("\u{3000}東京\u{3000}\u{3000}大阪\t") == "東京 大阪")
        #expect(TextNormaliser.normalise("é\u{1680}ü 🇯🇵\u{7}") == "é ü 🇯🇵")
        #expect(TextNormaliser.normalise("a\u{2028}b") == "a\u{2028}b")
        #expect(TextNormaliser.normalise("\u{0085}\u{0080}") == "")
    }

    /// Every string of up to three characters drawn from the spaces, invisible characters and
    /// their neighbours in UTF-8 (same lead bytes), and plain letters of one to four bytes.
    @Test func theUTF8PathAgreesWithTheDefinition() {
        let alphabet: [Unicode.Scalar] = ["a", " ", "\t", "\u{0B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{A0}", "\u{A1}",
                                          "\u{AD}", "é", "\u{1680}", "\u{1681}", "\u{2000}", "\u{200B}", "\u{200C}", "\u{2028}",
                                          "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}", "\u{3001}", "\u{FEFF}", "\u{FEFE}", "😀"]
        var disagreements: [String] = []
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    var scalars = String.UnicodeScalarView()
                    scalars.append(contentsOf: [a, b, c])
                    let text = String(scalars)
                    let bytePath = TextNormaliser.normalise(Substring(text))
                    if bytePath != TextNormaliser.normalise(text.unicodeScalars) { disagreements.append(text) }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5).map { $0.unicodeScalars.map { String($0.value, radix: 16) } })")
    }
}
