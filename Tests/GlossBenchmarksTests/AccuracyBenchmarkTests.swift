import Foundation
import Testing
@testable import GlossBenchmarks

/// The hand-labelled news set (Tests/accuracy) as a regression guard: `make bench-accuracy`
/// prints the figures; this test fails when a change makes them worse than these floors. The
/// floors are the figures at the time of writing, rounded down, not targets.
@Suite struct AccuracyBenchmarkTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("accuracy").path

    @Test func attributionAndLinksDoNotRegress() throws {
        let figures = try AccuracyBenchmark.run(directory: Self.directory)
        let tuning = try #require(figures["tuning"]), tuning2 = try #require(figures["tuning-2"])
        let heldout = try #require(figures["heldout"]), heldout2 = try #require(figures["heldout-2"]), tuning3 = try #require(figures["tuning-3"])
        #expect(tuning.creditable == 281 && tuning2.creditable == 130 && heldout.creditable == 106 && heldout2.creditable == 68)
        #expect(tuning.quotePrecision >= 0.99 && tuning.quoteRecall >= 0.96, "\(tuning.quotePrecision) \(tuning.quoteRecall)")
        #expect(tuning.linkPrecision >= 0.99 && tuning.linkRecall >= 0.99, "\(tuning.linkPrecision) \(tuning.linkRecall)")
        #expect(tuning.nearMissesLinked <= 1)
        #expect(tuning2.quotePrecision >= 0.99 && tuning2.quoteRecall >= 0.92, "\(tuning2.quotePrecision) \(tuning2.quoteRecall)")
        #expect(tuning2.linkPrecision >= 0.99 && tuning2.linkRecall >= 0.99, "\(tuning2.linkPrecision) \(tuning2.linkRecall)")
        #expect(tuning2.nearMissesLinked == 0)
        #expect(tuning3.creditable == 37)
        #expect(tuning3.quotePrecision >= 0.99 && tuning3.quoteRecall >= 0.72, "\(tuning3.quotePrecision) \(tuning3.quoteRecall)")
        #expect(tuning3.linkPrecision >= 0.99 && tuning3.linkRecall >= 0.99, "\(tuning3.linkPrecision) \(tuning3.linkRecall)")
        let tuning4 = try #require(figures["tuning-4"])
        #expect(tuning4.creditable == 112)
        #expect(tuning4.quotePrecision >= 0.99 && tuning4.quoteRecall >= 0.95, "\(tuning4.quotePrecision) \(tuning4.quoteRecall)")
        #expect(tuning4.linkPrecision >= 0.99 && tuning4.linkRecall >= 0.99, "\(tuning4.linkPrecision) \(tuning4.linkRecall)")
        let tuning5 = try #require(figures["tuning-5"])
        #expect(tuning5.creditable == 14)
        #expect(tuning5.quotePrecision >= 0.99 && tuning5.quoteRecall >= 0.92, "\(tuning5.quotePrecision) \(tuning5.quoteRecall)")
        #expect(tuning5.linkPrecision >= 0.99 && tuning5.linkRecall >= 0.98, "\(tuning5.linkPrecision) \(tuning5.linkRecall)")
        let tuning6 = try #require(figures["tuning-6"])
        #expect(tuning6.creditable == 53)
        #expect(tuning6.quotePrecision >= 0.99 && tuning6.quoteRecall >= 0.83, "\(tuning6.quotePrecision) \(tuning6.quoteRecall)")
        #expect(tuning6.linkPrecision >= 0.99 && tuning6.linkRecall >= 0.99, "\(tuning6.linkPrecision) \(tuning6.linkRecall)")
        #expect(heldout.quotePrecision >= 0.94 && heldout.quoteRecall >= 0.70, "\(heldout.quotePrecision) \(heldout.quoteRecall)")
        #expect(heldout.linkPrecision >= 0.99 && heldout.linkRecall >= 0.99, "\(heldout.linkPrecision) \(heldout.linkRecall)")
        #expect(heldout.nearMissesLinked <= 5)
        #expect(heldout2.quotePrecision >= 0.95 && heldout2.quoteRecall >= 0.72, "\(heldout2.quotePrecision) \(heldout2.quoteRecall)")
        #expect(heldout2.linkPrecision >= 0.98 && heldout2.linkRecall >= 0.97, "\(heldout2.linkPrecision) \(heldout2.linkRecall)")
    }
}
