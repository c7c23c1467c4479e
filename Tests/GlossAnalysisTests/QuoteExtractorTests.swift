import Testing
@testable import GlossAnalysis

/// Quote extraction must find exactly the attributed quotations of a real-world article and stay
/// conservative (speaker nil) whenever the attribution is not a resolvable entity.
@Suite struct QuoteExtractorTests {
    static let sampleEntities: [[String]] = [
        ["Shinzo Abe", "Abe"], ["Donald Trump", "Trump"], ["Toshimitsu Motegi", "Motegi"],
        ["Robert Lighthizer", "Lighthizer"], ["Jesper Koll", "Koll"], ["WisdomTree Japan KK"], ["Japan"],
        ["United States", "US"], ["Nikki Haley"], ["KORUS"],
    ]

    static let sample: [String] = [
        "The Prime Minister of Japan and US President Donald Trump are expected to engage in a new round of trade talks this week after meeting on Sunday in New York to outline their mutual concerns regarding trade, investment, and security.",
        "Japanese Prime Minister Shinzo Abe says he and US President Donald Trump met in New York Sunday to discuss trade and investment cooperation. PM Abe said the conversation was encouraging as it took place just ahead of the second round of US-Japanese trade negotiations, set to open this week.",
        "Abe arrived in New York to take part in this week's meetings of the UN General Assembly, and on the sidelines of the gatherings, he is expected to have further discussions with Trump, including on trade and security. However, just ahead of the productive week, Abe stopped by the Trump Tower in New York, where he sat down for dinner with the US President.",
        "The two leaders ended up talking for over 2.5 hours.",
        "\"We had a very constructive discussion on trade and investment between Japan and the United States,\" Abe said.",
        "Abe and Trump also reaffirmed their commitment to denuclearising the Korean Peninsula. This comes despite some security experts in Japan having voiced concern over the recent rapprochement between the South and North Koreas, saying Seoul might be taking too soft of a stance on its northern neighbor.",
        "\"We agreed to make the momentum created in the historic US-North Korea summit in June even stronger and to continue to coordinate closely toward the denuclearization of the Korean Peninsula,\" Abe said.",
        "However, security challenges — including North Korea — are expected to be addressed at the UN meetings. This month, the US holds presidency at the UN Security Council, and the General Assembly meetings are expected to focus heavily on the agenda put forward by US envoy to the UN Nikki Haley.",
        "For their part, Abe and Trump appear to be interested in striking a trade deal the most. Abe seeks exemptions from Trump's steel and aluminum tariffs, and is interested in avoiding possible US tariffs on Japanese car imports.",
        "\"A 25-percent tariff on Japanese cars and car part exports will cut car companies' profits by almost 50 percent,\" Jesper Koll of WisdomTree Japan KK said. \"It's a huge external threat that Japan is facing and Trump knows that.\"",
        "Trump seeks to bolster America's economic presence in East Asia in the wake of a trade war with Mainland China. Some White House officials say a trade pact with Japan similar to the KORUS deal with Seoul could greatly enhance the US posture in international and especially regional trade.",
        "\"I will continue discussions on trade with him (Trump) in our summit after economy minister Motegi and US Trade Representative Robert Lighthizer's meeting,\" Abe said.",
        "According to Abe, his top trade negotiator, Minister for Economy, Trade and Industry Toshimitsu Motegi, will meet with US Trade Representative Lighthizer Monday. They will exchange opinions on bilateral trade and prepare the agenda for the Trump-Abe meetings.",
        "\"Based on the common understanding we built in the first round of talks, we'll seek a ‘win-win' outcome that benefits both countries,\" Motegi said.",
        "Meanwhile, Trump himself said he's quite optimistic of the outcome of his talks with Abe. Prior to his Sunday meeting with the Japanese Prime Minister, Trump expressed confidence he and Abe could achieve a mutually beneficial agreement.",
        "\"We have done much to help Japan, would like to see more of a reciprocal relationship. It will all work out!\" Trump said in a recent tweet.",
        "Last year, Japan had the third-largest trade surplus with the US after China and Mexico. The Japanese officials said they might agree to either reducing the amount of exports to the US or increasing the volume of American imports.",
        "The US appears to be more interested in the latter option — as the Trump administration is seeking to fix America's trade imbalances by promoting US exports rather than by disrupting international trade.",
    ]

    // MARK: helpers (test-only naive mention finder and smart-punctuation renderer)

    static func isWordByte(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }

    /// Whole-word, case-sensitive matches; longest match wins where names overlap.
    static func findMentions(_ text: String, _ entities: [[String]]) -> [EntityMatch] {
        let b = Array(text.utf8)
        var found: [EntityMatch] = []
        for (e, names) in entities.enumerated() {
            for name in names {
                let n = Array(name.utf8)
                guard !n.isEmpty, n.count <= b.count else { continue }
                for s in 0...(b.count - n.count) where Array(b[s..<(s + n.count)]) == n {
                    if s > 0 && isWordByte(b[s - 1]) { continue }
                    if s + n.count < b.count && isWordByte(b[s + n.count]) { continue }
                    found.append(EntityMatch(entity: e, range: s..<(s + n.count)))
                }
            }
        }
        found.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count }
        var result: [EntityMatch] = []
        for m in found where result.last.map({ $0.range.upperBound <= m.range.lowerBound }) ?? true { result.append(m) }
        return result
    }

    /// Straight quotes → “ ” ‘ ’ the way smart-punctuation renderers do it.
    static func smartPunctuation(_ text: String) -> String {
        var out = ""
        var prev: Character?
        for ch in text {
            let opening = prev == nil || prev!.isWhitespace || "([{—–“‘".contains(prev!)
            switch ch {
            case "\"": out.append(opening ? "“" : "”")
            case "'": out.append(opening ? "‘" : "’")
            default: out.append(ch)
            }
            prev = ch
        }
        return out
    }

    static func run(_ paragraphs: [String], _ entities: [[String]] = sampleEntities) -> [ExtractedQuote] {
        let quotes = QuoteExtractor.quotes(in: paragraphs, mentions: paragraphs.map { findMentions($0, entities) })
        for q in quotes {   // every reported range must point at exactly the reported text
            let b = Array(paragraphs[q.paragraph].utf8)
            #expect(String(decoding: b[q.range], as: UTF8.self) == q.text)
        }
        return quotes
    }

    static func speakerCounts(_ quotes: [ExtractedQuote]) -> [Int?: Int] {
        quotes.reduce(into: [:]) { $0[$1.speaker, default: 0] += 1 }
    }

    // MARK: acceptance

    @Test func sampleArticle() {
        let quotes = Self.run(Self.sample)
        #expect(quotes.count == 7)
        #expect(Self.speakerCounts(quotes) == [0: 3, 4: 2, 2: 1, 1: 1])
        #expect(quotes.first?.text == "We had a very constructive discussion on trade and investment between Japan and the United States")
        #expect(quotes.contains { $0.speaker == 4 && $0.text == "It's a huge external threat that Japan is facing and Trump knows that." })
        #expect(quotes.contains { $0.speaker == 1 && $0.text.hasSuffix("It will all work out!") })
        #expect(!quotes.contains { $0.text.hasPrefix("win-win") })
    }

    @Test func sampleArticleWithSmartPunctuation() {
        let curly = Self.sample.map(Self.smartPunctuation)
        #expect(curly[4].hasPrefix("“We had") && curly[9].contains("’s a huge"))
        let quotes = Self.run(curly)
        #expect(quotes.count == 7)
        #expect(Self.speakerCounts(quotes) == [0: 3, 4: 2, 2: 1, 1: 1])
        #expect(quotes.contains { $0.speaker == 2 && $0.text.contains("‘win-win’ outcome") })
    }

    // MARK: patterns

    @Test func speakerBeforeVerb() {
        for tail in ["Abe said.", "Abe says.", "Abe told reporters.", "US President Donald Trump said.", "economy minister Motegi said."] {
            let q = Self.run(["\"We will keep talking about trade with everyone,\" \(tail)"])
            #expect(q.count == 1)
            #expect(q.first?.text == "We will keep talking about trade with everyone")
            #expect(q.first?.speaker == (tail.contains("Trump") ? 1 : tail.contains("Motegi") ? 2 : 0), "\(tail)")
        }
    }

    @Test func verbBeforeSpeaker() {
        #expect(Self.run(["\"Trade talks went well,\" said Abe."]).map(\.speaker) == [0])
        #expect(Self.run(["\"Trade talks went well,\" said Prime Minister Shinzo Abe."]).map(\.speaker) == [0])
        #expect(Self.run(["\"Trade talks went well,\" said US President Donald Trump on Sunday."]).map(\.speaker) == [1])
        #expect(Self.run(["\"Trade talks went well,\" said Jesper Koll, chief economist at WisdomTree Japan KK."]).map(\.speaker) == [4])
        #expect(Self.run(["\"Trade talks went well,\" according to Abe."]).map(\.speaker) == [0])
        #expect(Self.run(["\"Trade talks went well,\" said Trump administration officials."]).map(\.speaker) == [nil])
    }

    @Test func introducedQuotes() {
        #expect(Self.run(["Abe said: \"We will not accept new tariffs.\""]).map(\.speaker) == [0])
        #expect(Self.run(["Abe said that \"we will not accept new tariffs.\""]).map(\.speaker) == [0])
        #expect(Self.run(["According to Abe, \"the talks were very constructive.\""]).map(\.speaker) == [0])
        #expect(Self.run(["On Sunday, Trump told reporters: \"Japan is a great partner.\""]).map(\.speaker) == [1])
    }

    @Test func speakerWithOrganisation() {
        let of = Self.run(["\"Tariffs will hurt car makers badly,\" Jesper Koll of WisdomTree Japan KK said."])
        #expect(of.map(\.speaker) == [4])
        let appositive = Self.run(["\"Tariffs will hurt car makers badly,\" Koll, chief economist at WisdomTree Japan KK, said."])
        #expect(appositive.map(\.speaker) == [4])
    }

    @Test func followOnQuotes() {
        let sameParagraph = Self.run(["\"Tariffs will hurt,\" Koll said. \"Trump knows that very well indeed.\""])
        #expect(sameParagraph.map(\.speaker) == [4, 4])
        let nextParagraph = Self.run([
            "\"Tariffs will hurt,\" Koll said.",
            "\"Trump knows that very well indeed.\"",
            "Analysts disagree. \"Nobody knows what will happen next.\"",
        ])
        #expect(nextParagraph.map(\.speaker) == [4, 4, nil])
        // Another sentence in between breaks the chain.
        #expect(Self.run(["\"Tariffs will hurt,\" Koll said. Markets fell. \"Nobody knows what comes next.\""]).map(\.speaker) == [4, nil])
        // Two paragraphs away is too far.
        #expect(Self.run(["\"Tariffs will hurt,\" Koll said.", "Markets fell.", "\"Nobody knows what comes next.\""]).map(\.speaker) == [4, nil])
    }

    @Test func trailingAdverbial() {
        let q = Self.run(["\"It will all work out!\" Trump said in a recent tweet."])
        #expect(q.map(\.speaker) == [1])
        #expect(q.first?.text == "It will all work out!")
    }

    @Test func attributionMustBeTight() {
        #expect(Self.run(["\"We will review all the tariffs,\" the report said, citing Abe."]).map(\.speaker) == [nil])
        #expect(Self.run(["\"We will review all the tariffs,\" said a spokesman for Abe."]).map(\.speaker) == [nil])
        #expect(Self.run(["\"We will review all the tariffs,\" Abe's spokesman said."]).map(\.speaker) == [nil])
        #expect(Self.run(["\"We will review all the tariffs,\" Abe and Trump said."]).map(\.speaker) == [nil])
        #expect(Self.run(["\"We will review all the tariffs soon.\" Abe arrived in New York, where officials said nothing."]).map(\.speaker) == [nil])
    }

    @Test func attributionWithoutEntity() {
        let q = Self.run(["\"We are reviewing all options for the tariffs,\" a government spokesman said."])
        #expect(q.count == 1)
        #expect(q.first?.speaker == nil)
        #expect(q.first?.text == "We are reviewing all options for the tariffs")
        // A name the registry does not know is not a speaker either.
        #expect(Self.run(["\"We are reviewing all options,\" Suga said."]).map(\.speaker) == [nil])
    }

    @Test func pronouns() {
        #expect(Self.run(["\"We talked about trade,\" Abe said. \"It went well,\" he added."]).map(\.speaker) == [0, 0])
        #expect(Self.run(["\"We talked about trade,\" Abe said.", "\"It went well,\" he added."]).map(\.speaker) == [0, 0])
        #expect(Self.run(["\"It went very well today,\" he said."]).map(\.speaker) == [nil])
        #expect(Self.run(["\"We talked,\" an aide said. \"It went well,\" he added."]).map(\.speaker) == [nil, nil])
        // Over a paragraph of narration that names nobody (news goes on so), not over three.
        #expect(Self.run(["\"We talked,\" Abe said.", "Markets fell.", "\"It went well,\" he added."]).map(\.speaker) == [0, 0])
        #expect(Self.run(["\"We talked,\" Abe said.", "Markets fell.", "Bonds rose.", "Oil slid.", "\"It went well,\" he added."]).map(\.speaker) == [0, nil])
    }

    @Test func scareQuotesAndNestedQuotes() {
        #expect(Self.run(["Some analysts call them the so-called \"hawks\" of the cabinet."]).isEmpty)
        #expect(Self.run(["Abe said the \"win-win\" idea was fine."]).isEmpty)
        #expect(Self.run(["Abe backed the so-called ‘hawks’ and “fair trade” rules."]).isEmpty)
        // Short but attributed is still a quotation.
        #expect(Self.run(["\"Never,\" Abe said."]).map(\.text) == ["Never"])
        let nested = Self.run(["\"We'll seek a 'win-win' outcome for both,\" Motegi said."])
        #expect(nested.count == 1 && nested.first?.speaker == 2)
    }

    @Test func mentionsInsideQuotationsAreNotSpeakers() {
        #expect(Self.run(["\"Trump knows that Japan is facing a threat.\""]).map(\.speaker) == [nil])
    }

    @Test func unmatchedQuoteMarks() {
        // A statement after a colon whose closing mark never comes runs to the paragraph's end
        // (a text cut short); an opening mark left anywhere else is a stray mark.
        #expect(Self.run(["Abe said: \"We will never give up on this"]).map(\.text) == ["We will never give up on this"])
        #expect(Self.run(["Abe said \"We will never give up on this"]).isEmpty)
        #expect(Self.run(["\"", "\"\"", "“", "”", "", " \" ", "a\"b", "\"\"\"\""]).isEmpty)
        let stray = Self.run(["He typed \"hello to all. \"We will win the trade war,\" Trump said."])
        #expect(stray.map(\.speaker) == [1])
        #expect(stray.first?.text == "We will win the trade war")
        // Missing or malformed mention lists must not crash.
        let bad = QuoteExtractor.quotes(in: ["\"We will win the trade war,\" Trump said.", "x"],
                                        mentions: [[EntityMatch(entity: 1, range: 40..<99), EntityMatch(entity: 0, range: 0..<0), EntityMatch(entity: 0, range: 3..<8)]])
        #expect(bad.map(\.speaker) == [nil])
    }

    @Test func quoteSpanningSentences() {
        let q = Self.run(["\"We are ready. We will act. The rest is up to them,\" Abe said. Later he left."])
        #expect(q.map(\.text) == ["We are ready. We will act. The rest is up to them"])
        #expect(q.map(\.speaker) == [0])
    }

    @Test func multibyteRangesAreByteOffsets() {
        let p = "Café owners — worried — asked Abe. “Prices are rising fast,” Abe said. 😀"
        let q = Self.run([p])
        #expect(q.map(\.speaker) == [0])
        #expect(q.first?.text == "Prices are rising fast")
    }

    @Test func longParagraphIsHandled() {
        let p = String(repeating: "\"We will keep talking about trade,\" Abe said. ", count: 5000)
        let q = Self.run([p])
        #expect(q.count == 5000)
        #expect(q.allSatisfy { $0.speaker == 0 })
    }

    /// The ASCII fast path lowercases exactly as `String.lowercased()` does; other words take the
    /// Unicode path.
    @Test func wordsLowercaseAsStringsDo() {
        for word in ["Abe", "US", "it's", "US-Japanese", "2.5", "McDonald", "ÉLYSÉE", "Straße", "İstanbul", "x", "Zz@[`{"] {
            let bytes = Array(word.utf8)
            let (lower, capitalized) = QuoteExtractor.lowercased(bytes[...])
            #expect(lower == word.lowercased(), "\(word)")
            #expect(capitalized == (word.first?.isUppercase ?? false), "\(word)")
        }
    }
}
