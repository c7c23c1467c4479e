import GlossContent
import GlossMarkdown

/// Mentions over time as an inline SVG bar chart with both axes labelled, drawn at build time
/// (no script, prints). Horizontal positions are percentages of the chart's width and text is
/// in CSS pixels, so the bars stretch with the column while labels stay 12 px at any width;
/// tick labels are thinned for the narrowest column (`narrowest`) so they never collide. The
/// counts are also in the SVG's title and description and in a table under the chart.
struct TimelineChart {
    var points: [(date: ContentDate, count: Int)]
    /// Whose mentions: the entity's name.
    var subject: String

    static let height = 178.0
    static let fontSize = 12.0
    /// The narrowest column the chart is drawn for (a 320 px phone), and the column from which
    /// the denser tick labels show (the stylesheet's `min-width: 48em`, entity pages' measure).
    static let narrowest = 290.0
    static let wide = 640.0
    /// Below this many periods the chart has a fixed width instead of the column's.
    static let fluidFrom = 8
    static let plotTop = 38.0, plotBottom = 122.0

    func html() -> String {
        guard let bins = TimelineBins(points) else { return "" }
        let counts = bins.counts
        let total = counts.reduce(0, +)
        let ticks = Self.ticks(upTo: counts.max() ?? 0)
        let top = Double(ticks.last ?? 1)
        let font = Self.fontSize
        let width = { (text: String) in LabelMetrics.width(of: text, fontSize: font) }
        let axisName = bins.unit == .week ? "Week starting" : "Month"
        // Horizontal room, in pixels of the reference width: the y labels' gutter, the tick
        // labels' widest, and the right margin that keeps the last label inside.
        let gutter = width(String(ticks.last ?? 0)) + 10
        let tickWidth = max(width(bins.unit == .week ? "30 Sep" : "Sep"), width("2018"))
        let fixed = counts.count < Self.fluidFrom
        let reference = fixed ? max(gutter + Double(counts.count) * 64 + 8, width(axisName) + 8, 150) : Self.narrowest
        var right = 4.0
        var slot = (reference - gutter - right) / Double(counts.count)
        right = max(right, tickWidth / 2 - slot / 2 + 2)
        slot = (reference - gutter - right) / Double(counts.count)
        let percent = { (px: Double) in "\((px / reference * 100).svgNumber)%" }
        // Tick labels for the narrowest column and, in a fluid chart, a denser set the stylesheet
        // shows instead once the column is `wide`.
        let sparse = Self.labelStep(unit: bins.unit, slotWidth: slot, labelWidth: tickWidth + 10)
        let dense = fixed ? sparse : Self.labelStep(unit: bins.unit, slotWidth: slot * Self.wide / reference, labelWidth: tickWidth + 10)
        let showValues = counts.count <= 12 && slot >= width(String(counts.max() ?? 0)) + 6

        let plotHeight = Self.plotBottom - Self.plotTop
        var svg = "<svg class=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" width=\"\(fixed ? reference.svgNumber : "100%")\""
        svg += " height=\"\(Self.height.svgNumber)\" font-family=\"system-ui, sans-serif\" font-size=\"\(font.svgNumber)\">"
        svg += "<title id=\"timeline-title\">\(title(bins).htmlEscaped)</title><desc id=\"timeline-desc\">\(description(bins, total: total).htmlEscaped)</desc>"
        for tick in ticks {
            let y = Self.plotBottom - plotHeight * Double(tick) / top
            svg += "<line class=\"\(tick == 0 ? "axis" : "grid")\" x1=\"\(percent(gutter))\" x2=\"\(percent(reference - right))\" y1=\"\(y.svgNumber)\" y2=\"\(y.svgNumber)\"/>"
            svg += "<text class=\"tick-y\" x=\"\(percent(gutter))\" dx=\"-6\" y=\"\((y + 4).svgNumber)\" text-anchor=\"end\">\(tick)</text>"
        }
        var lastYear: (sparse: Int?, dense: Int?) = (nil, nil)
        for (i, count) in counts.enumerated() {
            let left = gutter + Double(i) * slot
            let centre = percent(left + slot / 2)
            if count > 0 {
                let height = plotHeight * Double(count) / top
                let y = Self.plotBottom - height
                svg += "<rect class=\"bar\" data-count=\"\(count)\" x=\"\(percent(left + slot * 0.15))\" width=\"\(percent(slot * 0.7))\""
                svg += " y=\"\(y.svgNumber)\" height=\"\(height.svgNumber)\"><title>\(bins.periodLabel(i).htmlEscaped): \(count)</title></rect>"
                if showValues { svg += "<text class=\"value\" x=\"\(centre)\" y=\"\((y - 5).svgNumber)\" text-anchor=\"middle\">\(count)</text>" }
            }
            let year = bins.starts[i].year
            let inSparse = Self.isLabelled(i, bins: bins, step: sparse), inDense = Self.isLabelled(i, bins: bins, step: dense)
            let yearSparse = inSparse && year != lastYear.sparse, yearDense = inDense && year != lastYear.dense
            if inSparse { lastYear.sparse = year }
            if inDense { lastYear.dense = year }
            if inSparse || inDense {
                svg += "<text class=\"tick-x\(Self.set(inSparse, inDense))\" x=\"\(centre)\" y=\"140\" text-anchor=\"middle\">\(bins.shortLabel(i))</text>"
            }
            if yearSparse || yearDense {
                svg += "<text class=\"tick-x\(Self.set(yearSparse, yearDense))\" x=\"\(centre)\" y=\"155\" text-anchor=\"middle\">\(year)</text>"
            }
        }
        svg += "<text class=\"axis-title\" x=\"0\" y=\"13\">Mentions</text>"
        svg += "<text class=\"axis-title\" x=\"50%\" y=\"\((Self.height - 4).svgNumber)\" text-anchor=\"middle\">\(axisName)</text></svg>"

        var table = "<details class=\"timeline-data\"><summary>Mentions per \(bins.unitName), as a table</summary>"
        table += "<table><thead><tr><th scope=\"col\">\(axisName)</th><th scope=\"col\">Mentions</th></tr></thead><tbody>"
        for (i, count) in counts.enumerated() where count > 0 {
            table += "<tr><td>\(bins.periodLabel(i).htmlEscaped)</td><td>\(count)</td></tr>"
        }
        table += "</tbody></table></details>"
        return "<figure class=\"timeline-figure\"><figcaption>\(title(bins).htmlEscaped)</figcaption>\(svg)\(table)</figure>"
    }

    func title(_ bins: TimelineBins) -> String { "Mentions of \(subject) per \(bins.unitName)" }

    /// The chart in a sentence or two: total, span and the busiest period.
    func description(_ bins: TimelineBins, total: Int) -> String {
        let counts = bins.counts
        let articles = counted(points.count, "article")
        guard counts.count > 1, let busiest = counts.indices.max(by: { (counts[$0], $1) < (counts[$1], $0) }) else {
            return "\(counted(total, "mention")) in \(articles), all in \(bins.longLabel(0))."
        }
        return "\(counted(total, "mention")) in \(articles), from \(bins.longLabel(0)) to \(bins.longLabel(counts.count - 1)). "
            + "The most in one \(bins.unitName): \(counts[busiest]), in \(bins.longLabel(busiest))."
    }

    /// Gridline values from 0: a round step (1, 2, 5, 10, 20, 50…) giving at most four intervals.
    static func ticks(upTo largest: Int) -> [Int] {
        var magnitude = 1
        while true {
            for base in [1, 2, 5] {
                let step = base * magnitude
                let intervals = max(1, (largest + step - 1) / step)
                if intervals <= 4 { return (0...intervals).map { $0 * step } }
            }
            magnitude *= 10
        }
    }

    /// Every how many periods a tick label fits: calendar-friendly steps (weeks 1, 2, 4, 13, 26,
    /// 52; months 1, 2, 3, 6, 12, then whole decades of years).
    static func labelStep(unit: TimelineBins.Unit, slotWidth: Double, labelWidth: Double) -> Int {
        let steps = unit == .week ? [1, 2, 4, 13, 26, 52, 104, 260, 520] : [1, 2, 3, 6, 12, 24, 60, 120, 240, 600]
        return steps.first { Double($0) * slotWidth >= labelWidth } ?? steps[steps.count - 1]
    }

    /// The class of a label in one set of ticks only (both: none).
    static func set(_ sparse: Bool, _ dense: Bool) -> String { sparse && dense ? "" : sparse ? " sparse" : " dense" }

    /// Weeks are labelled from the first; months on calendar boundaries (January, April…), so
    /// a yearly step always falls on January.
    static func isLabelled(_ slot: Int, bins: TimelineBins, step: Int) -> Bool {
        switch bins.unit {
        case .week: return slot % step == 0
        case .month:
            let start = bins.starts[slot]
            return (start.year * 12 + start.month - 1) % step == 0
        }
    }
}
