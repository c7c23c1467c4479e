import GlossAnalysis
import GlossContent

/// Mentions counted per week (ISO weeks, Monday first, as digests count them) when the
/// mentions span half a year or less, per month otherwise: from the first mention's period to
/// the last's, empty periods included, so the bars stand on a true time axis.
struct TimelineBins {
    enum Unit { case week, month }

    let unit: Unit
    /// The first day of each period.
    let starts: [ContentDate]
    let counts: [Int]

    /// The longest span, in days, still drawn week by week.
    static let weeklySpan = 7 * 26

    init?(_ points: [(date: ContentDate, count: Int)]) {
        guard let first = points.map(\.date).min(), let last = points.map(\.date).max() else { return nil }
        unit = last.days - first.days <= Self.weeklySpan ? .week : .month
        switch unit {
        case .week:
            let origin = Period.start(of: first, .week).days
            let slots = (Period.start(of: last, .week).days - origin) / 7 + 1
            var counts = [Int](repeating: 0, count: slots)
            for point in points { counts[(Period.start(of: point.date, .week).days - origin) / 7] += point.count }
            self.counts = counts
            starts = (0..<slots).map { ContentDate(days: origin + 7 * $0) }
        case .month:
            let month = { (date: ContentDate) in date.year * 12 + date.month - 1 }
            let origin = month(first)
            var counts = [Int](repeating: 0, count: month(last) - origin + 1)
            for point in points { counts[month(point.date) - origin] += point.count }
            self.counts = counts
            starts = counts.indices.map { ContentDate(days: ContentDate.daysFromCivil(year: (origin + $0) / 12, month: (origin + $0) % 12 + 1, day: 1)) }
        }
    }

    /// "week" or "month".
    var unitName: String { unit == .week ? "week" : "month" }

    /// A tick label: `17 Sep` for a week, `Sep` for a month (the year goes on a line of its own).
    func shortLabel(_ slot: Int) -> String {
        let start = starts[slot]
        let month = String(ContentDate.monthNames[start.month - 1].prefix(3))
        return unit == .week ? "\(start.day) \(month)" : month
    }

    /// For tables and descriptions: `the week of 17 September 2018`, `September 2018`.
    func longLabel(_ slot: Int) -> String {
        let start = starts[slot]
        return unit == .week ? "the week of \(start.display)" : "\(ContentDate.monthNames[start.month - 1]) \(start.year)"
    }

    /// For a table's first column: `17 September 2018`, `September 2018`.
    func periodLabel(_ slot: Int) -> String {
        let start = starts[slot]
        return unit == .week ? start.display : "\(ContentDate.monthNames[start.month - 1]) \(start.year)"
    }
}
