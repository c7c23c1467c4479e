import GlossContent

/// Dates arrive as ISO 8601 (Atom, batches), RFC 822 (RSS), or page clocks in prose
/// ("23:45 GMT23 February 2020"); all become text that `ContentDate` accepts.
enum DateParser {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    /// Zone abbreviations with their offsets in hours, for RFC 822 dates.
    static let zones: [String: Int] = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
                                       "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2,
                                       "eet": 2, "eest": 3, "msk": 3, "jst": 9, "kst": 9, "ist": 5, "et": -5, "pt": -8]

    /// The month (1–12) a token names: "February", "feb", "sept".
    static func month(_ token: String) -> Int? {
        guard token.count >= 3 else { return nil }
        let prefix = String(token.prefix(3))
        guard let index = months.firstIndex(of: prefix) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][index]
        return full.hasPrefix(token) || token == "sept" ? index + 1 : nil
    }

    /// Front-matter text for a date written in any of the supported forms, or nil.
    static func iso(from raw: String) -> String? {
        let text = TextNormaliser.normalise(raw)
        guard !text.isEmpty else { return nil }
        if ContentDate(text) != nil { return text }
        if let fixed = fixingOffset(text), ContentDate(fixed) != nil { return fixed }
        if let expanded = basicISO(text), ContentDate(expanded) != nil { return expanded }
        if let rfc = rfc822(text) { return rfc }
        return dateInText(text)
    }

    /// `2018-09-23T18:30:00+0000` → `…+00:00`.
    static func fixingOffset(_ text: String) -> String? {
        let chars = Array(text)
        guard chars.count == 24, chars[19] == "+" || chars[19] == "-" else { return nil }
        return String(chars[0..<22]) + ":" + String(chars[22...])
    }

    /// ISO 8601 basic format, as some news sites write it: `20180619T055000+0900` → `2018-06-19T05:50:00+09:00`.
    static func basicISO(_ text: String) -> String? {
        let chars = Array(text)
        guard chars.count >= 15, chars[8] == "T", chars[0..<8].allSatisfy(\.isNumber), chars[9..<15].allSatisfy(\.isNumber) else { return nil }
        let date = String(chars[0..<4]) + "-" + String(chars[4..<6]) + "-" + String(chars[6..<8])
        let time = String(chars[9..<11]) + ":" + String(chars[11..<13]) + ":" + String(chars[13..<15])
        let zone = String(chars[15...])
        switch zone.count {
        case 0: return date + "T" + time
        case 1 where zone == "Z": return date + "T" + time + "Z"
        case 5 where zone.first == "+" || zone.first == "-": return date + "T" + time + zone.prefix(3) + ":" + zone.suffix(2)
        default: return nil
        }
    }

    /// RFC 822 / 1123: `Sun, 23 Sep 2018 18:30:00 +0000` (zone and seconds optional).
    static func rfc822(_ text: String) -> String? {
        var parts = text.replacingCommas().split(separator: " ").map(String.init)
        if let first = parts.first, weekdays.contains(first.lowercased()) { parts.removeFirst() }
        guard parts.count >= 3, let day = Int(parts[0]), let month = month(parts[1].lowercased().trimmingDot()),
              var year = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard parts.count >= 4 else { return ContentDate(date) == nil ? nil : date }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2 else { return nil }
        var offset = "Z"
        if parts.count >= 5 {
            let zone = parts[4]
            if let hours = zones[zone.lowercased()] {
                offset = hours == 0 ? "Z" : "\(hours < 0 ? "-" : "+")\(pad(abs(hours), 2)):00"
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", Int(zone.dropFirst()) != nil {
                offset = "\(sign)\(zone.dropFirst().prefix(2)):\(zone.suffix(2))"
                if offset == "+00:00" || offset == "-00:00" { offset = "Z" }
            }
        }
        let result = "\(date)T\(pad(clock[0], 2)):\(pad(clock[1], 2)):\(pad(clock.count > 2 ? clock[2] : 0, 2))\(offset)"
        return ContentDate(result) == nil ? nil : result
    }

    /// The calendar date in a line of prose or a page clock, as `YYYY-MM-DD`: "23 February 2020",
    /// "February 23, 2020", "Sep 23rd 2018", "24.09.2018", "2018/09/23", "2018-09-23".
    static func dateInText(_ text: String) -> String? {
        let withoutTimes = removingTimes(text)
        if let numeric = numericDate(withoutTimes) { return numeric }
        let tokens = LineShape.tokenize(withoutTimes)
        for (index, token) in tokens.enumerated() {
            guard let month = month(token) else { continue }
            func dayAt(_ i: Int) -> Int? {
                guard tokens.indices.contains(i), tokens[i].count <= 2, let day = Int(tokens[i]), (1...31).contains(day) else { return nil }
                return day
            }
            let ordinal: Set<String> = ["st", "nd", "rd", "th", "of"]
            var day = dayAt(index - 1)
            if day == nil, index >= 2, ordinal.contains(tokens[index - 1]) { day = dayAt(index - 2) }
            if day == nil { day = dayAt(index + 1) }
            guard let year = tokens[index...].prefix(5).compactMap({ $0.count == 4 ? Int($0) : nil }).first(where: { (1900...2099).contains($0) }),
                  let day else { continue }
            let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
            if ContentDate(date) != nil { return date }
        }
        return nil
    }

    /// Drops `23:45`, `9:05:10`: the minutes would otherwise look like a day of the month.
    static func removingTimes(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var index = 0
        func isDigit(_ i: Int) -> Bool { scalars.indices.contains(i) && ("0"..."9").contains(scalars[i]) }
        while index < scalars.count {
            if scalars[index] == ":", isDigit(index - 1), isDigit(index + 1) {
                var start = index - 1
                while isDigit(start - 1) { start -= 1 }
                var end = index + 1
                while end < scalars.count, isDigit(end) || (scalars[end] == ":" && isDigit(end + 1)) { end += 1 }
                for i in start..<end { scalars[i] = " " }
                index = end
            } else {
                index += 1
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Three numbers joined by one of `-./`: year first; otherwise whichever of day and month can
    /// only be a day decides, and when both could be either, `/` means US order (month first).
    static func numericDate(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard ("0"..."9").contains(scalars[index]), index == 0 || !("0"..."9").contains(scalars[index - 1]) else { index += 1; continue }
            var numbers: [String] = []
            var separator: Unicode.Scalar?
            var i = index
            while numbers.count < 3 {
                var digits = ""
                while i < scalars.count, ("0"..."9").contains(scalars[i]) { digits.unicodeScalars.append(scalars[i]); i += 1 }
                guard !digits.isEmpty else { break }
                numbers.append(digits)
                guard numbers.count < 3, i < scalars.count, ["-", ".", "/"].contains(scalars[i]),
                      separator == nil || separator == scalars[i] else { break }
                separator = scalars[i]
                i += 1
            }
            if numbers.count == 3, let separator, let a = Int(numbers[0]), let b = Int(numbers[1]), let c = Int(numbers[2]) {
                var candidate: (Int, Int, Int)?
                if numbers[0].count == 4 { candidate = (a, b, c) }
                else if numbers[2].count == 4 {
                    let monthFirst = a > 12 ? false : b > 12 ? true : separator == "/"
                    candidate = monthFirst ? (c, a, b) : (c, b, a)
                }
                if let (y, m, d) = candidate {
                    let date = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
                    if (1900...2099).contains(y), ContentDate(date) != nil { return date }
                }
            }
            index = max(i, index + 1)
        }
        return nil
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension String {
    func replacingCommas() -> String { String(map { $0 == "," ? " " : $0 }) }
    func trimmingDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}
