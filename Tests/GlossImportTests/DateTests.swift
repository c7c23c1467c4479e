import GlossContent
import Testing
@testable import GlossImport

@Suite struct DateTests {
    @Test(arguments: [
        ("2018-09-23", "2018-09-23"),
        ("2018-09-23T18:30:00Z", "2018-09-23T18:30:00Z"),
        ("2018-09-23T18:30:00+0900", "2018-09-23T18:30:00+09:00"),
        ("20180619T055000+0900", "2018-06-19T05:50:00+09:00"),
        ("Sun, 23 Sep 2018 18:30:00 +0000", "2018-09-23T18:30:00Z"),
        ("Sun, 23 Sep 2018 18:30:00 EDT", "2018-09-23T18:30:00-04:00"),
        ("23 Sep 2018 18:30 GMT", "2018-09-23T18:30:00Z"),
        ("Sun, 23 Sep 18 18:30:00 -0500", "2018-09-23T18:30:00-05:00"),
        ("23 September 2018", "2018-09-23"),
        ("September 23, 2018", "2018-09-23"),
        ("Sept. 23rd, 2018", "2018-09-23"),
        ("24.09.2018", "2018-09-24"),
        ("09/23/2018", "2018-09-23"),
        ("23/09/2018", "2018-09-23"),
        ("2018/09/23", "2018-09-23"),
        ("23:45 GMT23 February 2020", "2020-02-23"),
    ])
    func parsesDates(_ text: String, _ expected: String) {
        let iso = DateParser.iso(from: text)
        #expect(iso == expected)
        #expect(iso.flatMap(ContentDate.init) != nil)
    }

    @Test(arguments: ["yesterday", "", "31 February 2018", "2018-13-01", "99/99/9999", "Sun, 99 Foo 2018"])
    func rejectsNonDates(_ text: String) {
        #expect(DateParser.iso(from: text) == nil)
    }

    @Test func minutesAreNotMistakenForDays() {
        #expect(DateParser.dateInText("Updated 10:15 February 2020") == nil)
        #expect(DateParser.dateInText("10:15, 24 February 2020") == "2020-02-24")
    }

    /// The heuristic: years after the dateline, or only years long before it; annual events
    /// said to be happening now in a month far from when they are held.
    @Test func seedContradictsItsPageClockButNotTheRealDate() {
        let text = Fixtures.paragraphs(ofArticle: Fixtures.text("abe-trump-trade-talks-new-york.expected.md")).joined(separator: "\n")
        let clock = DateConsistencyCheck.reasons(text: text, date: ContentDate("2020-02-23")!)
        #expect(clock.count == 1)
        #expect(clock.first?.contains("\"this week\" of the UN General Assembly, which is held in September") == true)
        #expect(DateConsistencyCheck.reasons(text: text, date: ContentDate("2018-09-23")!).isEmpty)
        #expect(DateConsistencyCheck.reasons(text: text, date: ContentDate("2018-10-02")!).isEmpty)
    }

    @Test func yearsInTheText() {
        #expect(DateConsistencyCheck.reasons(text: "The 2019 deal was signed.", date: ContentDate("2018-05-01")!) == ["the text mentions 2019, after 2018"])
        #expect(DateConsistencyCheck.reasons(text: "In 2016 the talks began.", date: ContentDate("2020-02-23")!) == ["the latest year the text mentions is 2016, 4 years earlier"])
        #expect(DateConsistencyCheck.reasons(text: "In 2019 the talks began.", date: ContentDate("2020-02-23")!).isEmpty)
        #expect(DateConsistencyCheck.yearsMentioned("It cost $2019, 2,000 people, 1999% up, 12019 and 2018.5; in 1998.") == [1998])
    }

    @Test func eventsNeedAPresentCue() {
        let date = ContentDate("2020-02-23")!
        #expect(DateConsistencyCheck.reasons(text: "Last year's UN General Assembly was tense.", date: date).isEmpty)
        #expect(!DateConsistencyCheck.reasons(text: "Leaders gather for Thanksgiving today.", date: date).isEmpty)
        #expect(DateConsistencyCheck.reasons(text: "Leaders gather for Thanksgiving today.", date: ContentDate("2020-11-26")!).isEmpty)
    }
}
