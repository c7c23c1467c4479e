import Foundation

/// The hand-written labels of `Tests/accuracy` (see its README): who said each quotation, and
/// which entity each occurrence of a registry name refers to.
struct AccuracyLabels {
    struct QuoteLabel {
        var part: String
        var article: String
        /// 1-based among the article's paragraphs, as `Quote.paragraph` counts them.
        var paragraph: Int
        /// An entity slug, `none` (a quotation nobody in the registry said) or `-` (not a quotation).
        var speaker: String
        /// The first words of the quotation, as published.
        var begins: String
    }

    struct MentionLabel {
        var part: String
        var article: String
        var paragraph: Int
        var surface: String
        /// Which whole-word occurrence of `surface` in the paragraph (from 1).
        var occurrence: Int
        /// An entity slug, `none:name`, `none:word`, `none:other` or `ambiguous`.
        var entity: String
    }

    var quotes: [QuoteLabel] = []
    var mentions: [MentionLabel] = []

    /// Reads `labels/quotes.tsv` and `labels/mentions.tsv` under `directory`; `#` lines are comments.
    init(directory: String) throws {
        for row in try Self.rows(directory + "/labels/quotes.tsv", columns: 5) {
            guard let paragraph = Int(row[2]) else { throw Self.badRow(row) }
            quotes.append(QuoteLabel(part: row[0], article: row[1], paragraph: paragraph, speaker: row[3], begins: row[4]))
        }
        for row in try Self.rows(directory + "/labels/mentions.tsv", columns: 6) {
            guard let paragraph = Int(row[2]), let occurrence = Int(row[4]) else { throw Self.badRow(row) }
            mentions.append(MentionLabel(part: row[0], article: row[1], paragraph: paragraph, surface: row[3],
                                         occurrence: occurrence, entity: row[5]))
        }
    }

    static func rows(_ path: String, columns: Int) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let row = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard row.count == columns else { throw badRow(row) }
            return row
        }
    }

    static func badRow(_ row: [String]) -> Error {
        NSError(domain: "AccuracyLabels", code: 1, userInfo: [NSLocalizedDescriptionKey: "bad label row: \(row.joined(separator: " | "))"])
    }

    /// Published text and Gloss's smart punctuation compare equal: curly quotes and apostrophes,
    /// ellipses and runs of white space are folded.
    static func folded(_ text: String) -> String {
        var out = ""
        var lastSpace = true
        for character in text {
            switch character {
            case "\u{2018}", "\u{2019}": out.append("'"); lastSpace = false
            case "\u{201C}", "\u{201D}", "\u{201E}": out.append("\""); lastSpace = false
            case "\u{2026}": out.append("..."); lastSpace = false
            case "\u{2013}": out.append("-"); lastSpace = false
            default:
                if character.isWhitespace {
                    if !lastSpace { out.append(" ") }
                    lastSpace = true
                } else {
                    out.append(character)
                    lastSpace = false
                }
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
