import GlossContent
import Testing
@testable import GlossRender

/// Timelines: weeks or months by span, labelled axes, counts in words and in a table.
@Suite struct TimelineTests {
    static func date(_ text: String) -> ContentDate { ContentDate(text)! }

    @Test func shortSpansGoByWeekLongOnesByMonth() throws {
        let weeks = try #require(TimelineBins([(Self.date("2024-01-03"), 2), (Self.date("2024-01-10"), 1), (Self.date("2024-02-01"), 4)]))
        #expect(weeks.unit == .week)
        // Monday 1 January to Monday 29 January: five weeks, the empty ones included.
        #expect(weeks.starts.map(\.isoDate) == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"])
        #expect(weeks.counts == [2, 1, 0, 0, 4])
        let months = try #require(TimelineBins([(Self.date("2023-11-30"), 1), (Self.date("2024-08-01"), 3), (Self.date("2024-08-31"), 1)]))
        #expect(months.unit == .month)
        #expect(months.counts.count == 10 && months.counts.first == 1 && months.counts.last == 4 && months.counts.reduce(0, +) == 5)
        #expect(months.starts.last?.isoDate == "2024-08-01")
        #expect(TimelineBins([]) == nil)
    }

    @Test func theChartHasAxesTitleDescriptionAndATableOfCounts() {
        let html = TimelineChart(points: [(Self.date("2024-01-03"), 2), (Self.date("2024-02-01"), 5)], subject: "Abe & <Co>").html()
        #expect(html.contains("<title id=\"timeline-title\">Mentions of Abe &amp; &lt;Co&gt; per week</title>"))
        #expect(html.contains("<desc id=\"timeline-desc\">7 mentions in 2 articles, from the week of 1 January 2024 to the week of 29 January 2024. The most in one week: 5, in the week of 29 January 2024.</desc>"))
        #expect(html.contains("aria-labelledby=\"timeline-title timeline-desc\""))
        #expect(html.contains(">Mentions</text>") && html.contains(">Week starting</text>"))
        #expect(html.contains("<tr><td>1 January 2024</td><td>2</td></tr><tr><td>29 January 2024</td><td>5</td></tr>"))
        #expect(html.components(separatedBy: "<rect class=\"bar\"").count - 1 == 2)
        // Gridlines at round numbers: 0, 2, 4, 6.
        #expect(html.contains(">6</text>") && html.contains(">0</text>"))
        // Five weeks: a chart of fixed width, every week labelled.
        #expect(!html.contains("width=\"100%\"") && html.components(separatedBy: "class=\"tick-x\"").count - 1 == 6)
    }

    @Test func aLongTimelineFillsTheColumnAndThinsItsLabels() {
        let points = (0..<36).map { (Self.date("20\(21 + $0 / 12)-\(($0 % 12) < 9 ? "0" : "")\($0 % 12 + 1)-15"), 1 + $0 % 4) }
        let html = TimelineChart(points: points, subject: "X").html()
        #expect(html.contains("width=\"100%\""))
        // Labels: every six months on phones (January and July), every three on wide columns.
        #expect(html.contains("<text class=\"tick-x\" ") && html.contains("tick-x dense"))
        #expect(!html.contains(">Feb</text>"))
        #expect(html.contains("Mentions per month, as a table"))
    }

    @Test func aSingleMentionMakesOneLabelledBar() {
        let html = TimelineChart(points: [(Self.date("2018-09-23"), 14)], subject: "Abe").html()
        #expect(html.contains("14 mentions in 1 article, all in the week of 17 September 2018."))
        #expect(html.contains(">17 Sep</text>") && html.contains(">2018</text>"))
        #expect(TimelineChart(points: [], subject: "none").html().isEmpty)
    }

    @Test func ticksAreRoundAndCoverTheLargestCount() {
        #expect(TimelineChart.ticks(upTo: 1) == [0, 1])
        #expect(TimelineChart.ticks(upTo: 4) == [0, 1, 2, 3, 4])
        #expect(TimelineChart.ticks(upTo: 5) == [0, 2, 4, 6])
        #expect(TimelineChart.ticks(upTo: 87) == [0, 50, 100])
        #expect(TimelineChart.ticks(upTo: 1234) == [0, 500, 1000, 1500])
    }
}
