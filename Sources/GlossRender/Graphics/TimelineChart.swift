import GlossContent
import GlossMarkdown

/// Mentions over time as a small inline SVG bar chart: one bar per month between the first and
/// last mention. Drawn at build time, so it needs no script and prints.
struct TimelineChart {
    var points: [(date: ContentDate, count: Int)]
    var label: String

    func svg() -> String {
        guard let first = points.map(\.date).min(), let last = points.map(\.date).max() else { return "" }
        let firstMonth = first.year * 12 + first.month - 1
        let lastMonth = last.year * 12 + last.month - 1
        var counts = Array(repeating: 0, count: lastMonth - firstMonth + 1)
        for point in points {
            let slot = point.date.year * 12 + point.date.month - 1 - firstMonth
            if counts.indices.contains(slot) { counts[slot] += point.count }
        }
        let width = 600, height = 120, top = 10, bottom = 24
        let maxCount = max(counts.max() ?? 1, 1)
        let slot = Double(width) / Double(counts.count)
        let barWidth = max(2.0, slot * 0.7)
        var bars = ""
        for (i, count) in counts.enumerated() where count > 0 {
            let h = Double(height - top - bottom) * Double(count) / Double(maxCount)
            let x = Double(i) * slot + (slot - barWidth) / 2
            let y = Double(height - bottom) - h
            let month = firstMonth + i
            let name = "\(ContentDate.monthNames[month % 12]) \(month / 12)"
            bars += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(h))\" fill=\"currentColor\"><title>\(name.htmlEscaped): \(count)</title></rect>"
        }
        let firstLabel = "\(ContentDate.monthNames[first.month - 1].prefix(3)) \(first.year)"
        let lastLabel = "\(ContentDate.monthNames[last.month - 1].prefix(3)) \(last.year)"
        return """
        <figure class="timeline-figure"><svg class="timeline" role="img" aria-label="\(label.htmlEscaped)" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)">\
        <line x1="0" y1="\(height - bottom)" x2="\(width)" y2="\(height - bottom)" stroke="currentColor" stroke-opacity="0.4"/>\(bars)\
        <text x="0" y="\(height - 6)" font-size="12" fill="currentColor">\(firstLabel)</text>\
        <text x="\(width)" y="\(height - 6)" font-size="12" fill="currentColor" text-anchor="end">\(lastLabel)</text></svg>\
        <figcaption>\(label.htmlEscaped)</figcaption></figure>
        """
    }

    private func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
