import Testing
@testable import GlossImport

/// Pages written for these tests in the layouts of four other newsrooms (wire, broadcaster,
/// newspaper, agency): each must keep every paragraph and lose every piece of page furniture.
@Suite struct PageLayoutTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var title: String?
        var author: String?
        var date: String
        var paragraphs: [String]
        var testDescription: String { file }
    }

    static let pages: [Expectation] = [
        Expectation(file: "reuters.txt", title: "Japan's Abe says he and Trump agreed to boost trade ties", author: "Kiyoshi Takenaka", date: "2018-09-24", paragraphs: [
            "TOKYO (Reuters) - Japanese Prime Minister Shinzo Abe said on Monday he and U.S. President Donald Trump agreed to expand trade and investment between the two countries.",
            "\"We agreed to further expand trade and investment,\" Abe told reporters in New York.",
            "Trade Representative Robert Lighthizer will meet Japan's economy minister on Monday.",
        ]),
        Expectation(file: "bbc.txt", title: "Abe and Trump agree to start trade talks", author: nil, date: "2018-09-26", paragraphs: [
            "Mr Abe and Mr Trump met in New York",  // an image caption: kept, since nothing marks it as one
            "The US and Japan have agreed to start talks on a new trade deal, easing fears of a trade war.",
            "President Donald Trump said the talks would cover cars.",
        ]),
        Expectation(file: "guardian.txt", title: "Abe and Trump agree to begin trade talks after New York meeting", author: "Justin McCurry", date: "2018-09-26", paragraphs: [
            "Japanese PM hopes deal will avert US tariffs on car exports",
            "Japan's prime minister, Shinzo Abe, has agreed to start bilateral trade talks with the US.",
            "The agreement came after Abe met Donald Trump in New York.",
        ]),
        Expectation(file: "ap.txt", title: nil, author: "Foster Klug", date: "2018-09-24", paragraphs: [
            "SEOUL, South Korea (AP) \u{2014} South Korean President Moon Jae-in said Monday that North Korean leader Kim Jong Un wants a second summit with President Donald Trump.",
            "Moon spoke to reporters before leaving for New York.",
            "\"Kim wants to meet Trump soon,\" Moon said.",
        ]),
    ]

    @Test(arguments: pages)
    func pageKeepsItsArticleAndLosesTheFurniture(_ expected: Expectation) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let report = scratch.importFiles([Fixtures.folder + "/pages/" + expected.file])
        let article = try #require(report.onlyArticle)
        #expect(Fixtures.paragraphs(ofArticle: article.fileText) == expected.paragraphs)
        if let title = expected.title { #expect(article.title == title) }
        #expect(article.fileText.contains("date: \"\(expected.date)\""))
        if let author = expected.author { #expect(article.fileText.contains("author: \"\(author)\"")) } else { #expect(!article.fileText.contains("author:")) }
        let page = Fixtures.text("pages/" + expected.file)
        let kept = expected.paragraphs.joined(separator: "\n")
        let lines = TextNormaliser.lines(page).enumerated().filter { !$0.element.isEmpty }
        for (index, line) in lines where !kept.contains(line) && line != article.title {
            #expect(article.dropped.contains { $0.line == index + 1 }, "line \(index + 1) vanished: \(line)")
        }
    }
}
