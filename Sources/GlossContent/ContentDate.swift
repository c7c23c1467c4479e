/// A publication date as written in front matter: `YYYY-MM-DD` or an ISO 8601 date-time.
/// Parsed by hand so output never depends on the machine's locale or time zone.
public struct ContentDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Seconds since 1970-01-01T00:00:00Z; a date without a time is midnight UTC.
    public let timestamp: Int
    /// The text as written, kept for feeds when it carries a time.
    public let original: String
    public let hasTime: Bool

    public init?(_ text: String) {
        let bytes = Array(text.trimmingWhitespace().utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = 0
        var hasTime = false
        if bytes.count > 10 {
            // THH:MM[:SS[.fraction]][Z|±HH:MM]
            guard bytes[10] == 0x54 || bytes[10] == 0x20, bytes.count >= 16, bytes[13] == 0x3A,
                  let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60
            else { return nil }
            var index = 16
            var second = 0
            if index < bytes.count, bytes[index] == 0x3A {
                guard let s = number(index + 1..<index + 3), s < 61 else { return nil }
                second = s
                index += 3
                if index < bytes.count, bytes[index] == 0x2E {
                    index += 1
                    while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                }
            }
            var offset = 0
            if index < bytes.count {
                if bytes[index] == 0x5A, index + 1 == bytes.count {
                    offset = 0
                } else if bytes[index] == 0x2B || bytes[index] == 0x2D, index + 6 == bytes.count, bytes[index + 3] == 0x3A,
                          let oh = number(index + 1..<index + 3), let om = number(index + 4..<index + 6), oh < 24, om < 60 {
                    offset = (oh * 3600 + om * 60) * (bytes[index] == 0x2D ? -1 : 1)
                } else {
                    return nil
                }
            }
            seconds = hour * 3600 + minute * 60 + second - offset
            hasTime = true
        }
        self.year = year
        self.month = month
        self.day = day
        self.timestamp = Self.daysFromCivil(year: year, month: month, day: day) * 86_400 + seconds
        self.original = String(decoding: bytes, as: UTF8.self)
        self.hasTime = hasTime
    }

    /// Midnight UTC of a day counted from 1970-01-01 (as `daysFromCivil` counts). Built from
    /// the fields, not by parsing text, so any day is a date (even one before year 1).
    public init(days: Int) {
        (year, month, day) = Self.civilFromDays(days)
        timestamp = days * 86_400
        hasTime = false
        original = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    public static func < (a: ContentDate, b: ContentDate) -> Bool { a.timestamp < b.timestamp }

    /// The day as written (not its UTC instant), counted from 1970-01-01: what `init(days:)`
    /// takes back. Digests, timelines and role holders count days so.
    public var days: Int { Self.daysFromCivil(year: year, month: month, day: day) }

    /// `2018-09-23`
    public var isoDate: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// RFC 3339 in UTC, for feeds and sitemaps.
    public var rfc3339: String {
        let days = Self.floorDiv(timestamp, 86_400)
        let rest = timestamp - days * 86_400
        let (y, m, d) = Self.civilFromDays(days)
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))T\(Self.pad(rest / 3600, 2)):\(Self.pad(rest % 3600 / 60, 2)):\(Self.pad(rest % 60, 2))Z"
    }

    /// `23 September 2018`: unambiguous in every English-speaking newsroom.
    public var display: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil: exact proleptic Gregorian arithmetic without Foundation.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension String {
    /// Without leading and trailing white space (Character.isWhitespace: spaces, tabs, newlines).
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
