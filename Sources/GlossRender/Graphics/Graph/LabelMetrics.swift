import Foundation

/// How wide a label will be, worked out at build time so labels can be placed without a
/// browser. The widths are DejaVu Sans's advance widths (Debian fonts-dejavu-core 2.37, 2,048
/// units per em): it is what `system-ui` and `sans-serif` resolve to on Debian and among the
/// widest common sans-serif faces, so the fonts of other systems (Segoe UI, San Francisco,
/// Roboto, Helvetica) draw the same labels narrower, never wider. Text is anchored at the side
/// facing its node, so a narrower face only leaves more room.
enum LabelMetrics {
    /// Ascent and descent of DejaVu Sans in ems: the height Chromium's getBBox gives a line.
    static let ascent = 0.928
    static let descent = 0.236

    /// Width of `text` at `fontSize` px.
    static func width(of text: String, fontSize: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += advance(scalar) }
        return Double(units) * fontSize / 2048
    }

    /// Height of one line at `fontSize` px.
    static func lineHeight(fontSize: Double) -> Double { (ascent + descent) * fontSize }

    /// Advance of one scalar in font units: the table for ASCII and a few letters and marks,
    /// the base letter for accented Latin letters, an em for wide (CJK) scripts, and a generous
    /// 0.75 em for anything else.
    static func advance(_ scalar: Unicode.Scalar) -> Int {
        let value = Int(scalar.value)
        if value >= 0x20, value < 0x7F { return ascii[value - 0x20] }
        if let known = others[scalar.value] { return known }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { return 0 }
        if properties.isWhitespace { return ascii[0] }
        if (0x1100...0x11FF).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value) || (0x20000...0x3FFFD).contains(value) {
            return 2048
        }
        if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           base.value >= 0x20, base.value < 0x7F {
            return ascii[Int(base.value) - 0x20]
        }
        return 1536
    }

    /// U+0020 to U+007E.
    private static let ascii: [Int] = [
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
        2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
        1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
        1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
        1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
    ]

    /// Letters that do not decompose to an ASCII base, and typographic punctuation.
    private static let others: [UInt32: Int] = [
        0xDF: 1290, 0xE6: 2011, 0xC6: 1995, 0xF8: 1253, 0xD8: 1612, 0x153: 2095, 0x152: 2191,
        0x142: 582, 0x141: 1151, 0x111: 1300, 0x110: 1587, 0xFE: 1300, 0xDE: 1239, 0xF0: 1253,
        0x131: 569, 0x133: 1138, 0xB7: 651, 0xD7: 1716, 0xA0: 651,
        0x2013: 1024, 0x2014: 2048, 0x2018: 651, 0x2019: 651, 0x201C: 1061, 0x201D: 1061,
        0x2026: 2048, 0x20AC: 1303,
    ]
}
