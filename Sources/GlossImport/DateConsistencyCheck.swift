import GlossContent

/// A scraped page's clock shows when the page was fetched, not when the article was written, so
/// a date taken from the page is checked against what the text itself says. Two signals:
/// - years: the text names a year after the date, or only years two or more before it;
/// - annual events said to be happening now ("this week's meetings of the UN General Assembly")
///   while the date is months away from when that event is held.
/// Each signal is a reason quoted from the text; no reasons means no warning.
enum DateConsistencyCheck {
    struct AnnualEvent: Sendable {
        let names: [String]
        let months: [Int]
    }

    static let events: [AnnualEvent] = [
        AnnualEvent(names: ["UN General Assembly", "U.N. General Assembly", "United Nations General Assembly", "UNGA"], months: [9]),
        AnnualEvent(names: ["World Economic Forum", "Davos"], months: [1]),
        AnnualEvent(names: ["Munich Security Conference"], months: [2]),
        AnnualEvent(names: ["Shangri-La Dialogue"], months: [5, 6]),
        AnnualEvent(names: ["APEC summit", "APEC leaders"], months: [11]),
        AnnualEvent(names: ["Thanksgiving", "Black Friday"], months: [11]),
        AnnualEvent(names: ["Christmas", "Boxing Day", "New Year's Eve"], months: [12]),
        AnnualEvent(names: ["Halloween"], months: [10]),
        AnnualEvent(names: ["Independence Day", "Fourth of July", "Bastille Day"], months: [7]),
        AnnualEvent(names: ["Super Bowl"], months: [1, 2]),
        AnnualEvent(names: ["Golden Week"], months: [4, 5]),
        AnnualEvent(names: ["Lunar New Year", "Chinese New Year"], months: [1, 2]),
        AnnualEvent(names: ["Wimbledon"], months: [6, 7]),
        AnnualEvent(names: ["Memorial Day"], months: [5]),
        AnnualEvent(names: ["Labor Day"], months: [9]),
    ]

    /// Words that put an event in the present of the article.
    static let presentCues = ["this week", "today", "tonight", "tomorrow", "this weekend", "next week", "this month",
                              "later this week", "currently", "under way", "underway", "this year's", "opens on", "on monday",
                              "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday"]

    /// Why `date` may not be when `text` was written; empty when nothing contradicts it.
    static func reasons(text: String, date: ContentDate) -> [String] {
        var reasons: [String] = []
        let years = yearsMentioned(text)
        if let latest = years.max(), latest > date.year {
            reasons.append("the text mentions \(latest), after \(date.year)")
        } else if let latest = years.max(), latest <= date.year - 2 {
            reasons.append("the latest year the text mentions is \(latest), \(date.year - latest) years earlier")
        }
        // Only events out of season on this date and named somewhere in the text can give a reason:
        // most texts name none, and then their sentences are not read for cues at all.
        let named = events.filter { event in
            event.months.allSatisfy({ monthDistance($0, date.month) > 1 }) && event.names.contains(where: { text.containsBytes($0) })
        }
        guard !named.isEmpty else { return reasons }
        for sentence in sentences(text) {
            let lower = sentence.lowercased()
            guard let cue = presentCues.first(where: { lower.containsBytes($0) }) else { continue }
            for event in named {
                guard let name = event.names.first(where: { sentence.containsBytes($0) }) else { continue }
                let held = event.months.map { ContentDate.monthNames[$0 - 1] }.joined(separator: " or ")
                reasons.append("it says \"\(cue)\" of the \(name), which is held in \(held)")
            }
        }
        return reasons
    }

    /// Four-digit years 1900–2099 standing alone (not part of longer numbers, prices or counts).
    static func yearsMentioned(_ text: String) -> [Int] {
        var years: [Int] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isDigit(_ i: Int) -> Bool { scalars.indices.contains(i) && ("0"..."9").contains(scalars[i]) }
        while index < scalars.count {
            guard isDigit(index) else { index += 1; continue }
            var end = index
            while isDigit(end) { end += 1 }
            let before = index > 0 ? scalars[index - 1] : " "
            let after = end < scalars.count ? scalars[end] : " "
            let partOfNumber = ["$", "\u{20AC}", "\u{A3}", ",", "."].contains(before) || after == "%"
                || ((after == "," || after == ".") && isDigit(end + 1))
            if end - index == 4, !partOfNumber {
                var digits = String.UnicodeScalarView()
                digits.append(contentsOf: scalars[index..<end])
                if let year = Int(String(digits)), (1900...2099).contains(year) { years.append(year) }
            }
            index = end
        }
        return years
    }

    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "." || character == "!" || character == "?" || character == "\n" {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func monthDistance(_ a: Int, _ b: Int) -> Int {
        let d = abs(a - b)
        return min(d, 12 - d)
    }
}
