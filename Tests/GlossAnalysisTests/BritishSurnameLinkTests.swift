import GlossContent
import GlossTestSupport
import Testing
@testable import GlossAnalysis

/// Surnames of British politicians that are ordinary words or other people's names too (Straw,
/// Short, Fox, Brown, Field, Cook, Darling, Kelly…), in made-up sentences: once the politician is
/// named, the same word opening a sentence as an ordinary word, another person's name around it
/// (`Will Straw`, `Howard Flight`, `Kelly Holmes`) or a place or trophy (`Davis Cup`, `Cook
/// Islands`) is not linked to them; their own second references are.
@Suite struct BritishSurnameLinkTests {
    static let registry = """
    -- gloss.yml --
    title: T
    entities:
      link: all
    \(["Jack Straw", "Clare Short", "Liam Fox", "Robin Cook", "Gordon Brown", "Frank Field", "Alistair Darling", "Michael Howard", "David Davis", "Charles Kennedy", "John Reid", "Ruth Kelly", "William Hague"].map { name in
        let surname = name.split(separator: " ").last!
        return "-- content/entities/\(name.lowercased().replacingOccurrences(of: " ", with: "-")).md --\n---\nname: \(name)\nkind: person\naliases: [\(surname), Mr \(surname)]\n---\n"
    }.joined())
    """

    /// The slugs linked in `body`, in order.
    static func links(_ body: String) throws -> [String] {
        let site = try TestSite(registry + "-- content/articles/a.md --\n---\ntitle: A\ndate: 2005-01-06\n---\n" + body + "\n")
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let analysed = rendered(SiteAnalyser.analyse(try #require(content, "\(diagnostics)")))
        return analysed.articles[0].html.components(separatedBy: "data-entity=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func surnamesLinkOnlyWhereTheyNameThePolitician() throws {
        let cases: [(String, [String])] = [
            ("Clare Short resigned in 2003. Short of cash, the party cut staff.", ["clare-short"]),
            ("Liam Fox attacked the plans. Fox hunting was banned in 2004.", ["liam-fox"]),
            ("Michael Howard spoke. Howard Flight was sacked as a candidate.", ["michael-howard"]),
            ("David Davis spoke. Britain won the Davis Cup tie.", ["david-davis"]),
            ("Charles Kennedy spoke. The Kennedy family visited Dublin.", ["charles-kennedy"]),
            ("Robin Cook spoke. Cook Islands officials were present.", ["robin-cook"]),
            ("Alistair Darling spoke. Darling Harbour in Sydney was busy.", ["alistair-darling"]),
            ("Gordon Brown spoke. Mr Brown said it was time. Brown said so too.", ["gordon-brown", "gordon-brown", "gordon-brown"]),
            ("Ruth Kelly spoke. Kelly Holmes won gold in Athens.", ["ruth-kelly"]),
            ("John Reid spoke. Reid's plans were attacked. Mr Reid replied.", ["john-reid", "john-reid", "john-reid"]),
            ("Jack Straw spoke. Mr Straw and Will Straw, his son, arrived.", ["jack-straw", "jack-straw"]),
            // At a sentence's start `Will` is a given name before the surname and a verb or a comma, a verb in a question.
            ("Jack Straw spoke. Will Straw said so too.", ["jack-straw"]),
            ("Jack Straw spoke. Will Straw, his son, agreed.", ["jack-straw"]),
            ("Jack Straw spoke. Will Straw resign? Straw said no.", ["jack-straw", "jack-straw", "jack-straw"]),
            ("Jack Straw spoke. Will Straw's plan work?", ["jack-straw", "jack-straw"]),
            ("Gordon Brown and his wife Sarah Brown arrived.", ["gordon-brown"]),
            ("Michael Howard spoke. The Howard League for Penal Reform disagreed.", ["michael-howard"]),
            ("Liam Fox spoke. Fox News reported the row.", ["liam-fox"]),
            ("Gordon Brown spoke. The report was written by Brown University academics.", ["gordon-brown"]),
            ("Charles Kennedy spoke. Lib Dem leader Kennedy said no.", ["charles-kennedy", "charles-kennedy"]),
            ("Charles Kennedy spoke. Senator Edward Kennedy said no.", ["charles-kennedy"]),
            ("Frank Field spoke. Playing Field campaigners protested.", ["frank-field"]),
            ("Gordon Brown spoke. BROWN TO STAY, said the Sun.", ["gordon-brown"]),
            // Initials written together are another's (`WH Smith` the retailer, `JK Rowling`), not a
            // place's or a role's (`UK Brown`, `MP Brown`), and the person's own may come first.
            ("Gordon Brown spoke. Shares in WH Brown fell. UK Brown fans cheered. MP Brown replied. GB Brown agreed.",
             ["gordon-brown", "gordon-brown", "gordon-brown", "gordon-brown"]),
            // Another person named with an honorific keeps that form, even after the politician's full name.
            ("Ruth Kelly spoke. The inquiry into the death of Dr David Kelly reported. Dr Kelly was a weapons expert. Kelly replied.",
             ["ruth-kelly", "ruth-kelly"]),
            ("Liam Fox spoke. Dr Fox said the plans were wrong.", ["liam-fox", "liam-fox"]),
            // A plural noun the plural verb after it agrees with makes the surname an ordinary word,
            // unless the noun is the people around the person.
            ("Gordon Brown spoke. Brown envelopes were handed out. Brown allies are furious. Brown says so.",
             ["gordon-brown", "gordon-brown", "gordon-brown"]),
            ("Jack Straw spoke. Straw polls are unreliable.", ["jack-straw"]),
            // A capital "The" inside a sentence starts another name, which then keeps that form at a sentence's start too.
            ("William Hague spoke. Talks in The Hague ended. Mr Hague left. The Hague tribunal met.", ["william-hague", "william-hague"]),
        ]
        for (body, expected) in cases {
            #expect(try Self.links(body) == expected, "\(body)")
        }
    }
}
