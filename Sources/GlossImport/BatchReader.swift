import Foundation

/// JSON Lines and CSV batches with keys/columns title, text, date, url, source, author, tags:
/// one record per line or row, each problem reported with its line while the rest goes on.
enum BatchReader {
    static let columns = ["title", "text", "date", "url", "source", "author", "tags"]

    static func csv(_ bytes: [UInt8], input: String) -> (records: [ImportRecord], problems: [ReadProblem], warnings: [ReadProblem]) {
        let (rows, csvProblems) = CSVParser(bytes: bytes).parse()
        var problems = csvProblems.map { ReadProblem(line: $0.line, message: "bad CSV quoting: \($0.message)") }
        guard let header = rows.first else {
            return ([], problems + [ReadProblem(line: 1, message: "no header row; expected columns \(columns.joined(separator: ","))", isRecord: false)], [])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = names.firstIndex(of: "text") else {
            return ([], problems + [ReadProblem(line: header.line, message: "no `text` column in the header (\(header.fields.joined(separator: ","))); expected columns \(columns.joined(separator: ","))", isRecord: false)], [])
        }
        var warnings: [ReadProblem] = []
        let unknown = names.filter { !columns.contains($0) && !$0.isEmpty }
        if !unknown.isEmpty { warnings.append(ReadProblem(line: header.line, message: "unknown columns ignored: \(unknown.joined(separator: ", "))")) }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        var records: [ImportRecord] = []
        for row in rows.dropFirst() {
            guard row.fields.count <= names.count else {
                problems.append(ReadProblem(line: row.line, message: "record has \(row.fields.count) fields but the header has \(names.count) (an unquoted comma?)"))
                continue
            }
            func value(_ name: String) -> String? {
                guard let index = column(name), index < row.fields.count else { return nil }
                let text = row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            let text = textColumn < row.fields.count ? row.fields[textColumn] : ""
            var record = ImportRecord(input: input, line: row.line, title: value("title"), text: text,
                                      format: looksLikeHTML(text) ? .html : .plainText,
                                      textLine: textColumn < row.fieldLines.count ? row.fieldLines[textColumn] : row.line)
            record.date = value("date")
            record.url = value("url")
            record.source = value("source")
            record.author = value("author")
            record.tags = value("tags").map(splitTags) ?? []
            records.append(record)
        }
        problems.sort { $0.line < $1.line }
        return (records, problems, warnings)
    }

    struct JSONRecord: Decodable {
        var title: String?
        var text: String?
        var date: String?
        var url: String?
        var source: String?
        var author: String?
        var tags: [String]

        enum CodingKeys: String, CodingKey { case title, text, date, url, source, author, tags }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decodeIfPresent(String.self, forKey: .title)
            text = try container.decodeIfPresent(String.self, forKey: .text)
            date = try container.decodeIfPresent(String.self, forKey: .date)
            url = try container.decodeIfPresent(String.self, forKey: .url)
            source = try container.decodeIfPresent(String.self, forKey: .source)
            author = try container.decodeIfPresent(String.self, forKey: .author)
            if let list = try? container.decodeIfPresent([String].self, forKey: .tags) {
                tags = list
            } else {
                tags = try container.decodeIfPresent(String.self, forKey: .tags).map(splitTags) ?? []
            }
        }
    }

    static func jsonLines(_ bytes: [UInt8], input: String) -> (records: [ImportRecord], problems: [ReadProblem]) {
        var records: [ImportRecord] = []
        var problems: [ReadProblem] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                let item = try decoder.decode(JSONRecord.self, from: Data(line))
                guard let text = item.text else {
                    problems.append(ReadProblem(line: lineNumber, message: "no \"text\" key"))
                    continue
                }
                var record = ImportRecord(input: input, line: lineNumber, title: item.title.flatMap(nonEmpty), text: text,
                                          format: looksLikeHTML(text) ? .html : .plainText)
                record.textLinesAreInputLines = false
                record.date = item.date.flatMap(nonEmpty)
                record.url = item.url.flatMap(nonEmpty)
                record.source = item.source.flatMap(nonEmpty)
                record.author = item.author.flatMap(nonEmpty)
                record.tags = item.tags
                records.append(record)
            } catch {
                problems.append(ReadProblem(line: lineNumber, message: "bad JSON: \(describe(error))"))
            }
        }
        return (records, problems)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        case DecodingError.typeMismatch(_, let context):
            return "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type (expected text\(context.codingPath.last?.stringValue == "tags" ? " or a list of text" : ""))"
        case DecodingError.valueNotFound(_, let context):
            return "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is null"
        default:
            return "\(error)"
        }
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Paragraph or break tags: the text is HTML, not prose that mentions a tag.
    static func looksLikeHTML(_ text: String) -> Bool {
        let tags: [[UInt8]] = ["p>", "p ", "/p>", "br", "div", "/a>", "li>"].map { Array($0.utf8) }
        var utf8 = text.utf8.prefix(20_000).makeIterator()
        var window: [UInt8] = []
        var scanning = false
        while let byte = utf8.next() {
            if byte == 0x3C { scanning = true; window = []; continue }  // <
            guard scanning else { continue }
            window.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
            if tags.contains(where: { window.starts(with: $0) && window.count >= $0.count }) { return true }
            if window.count >= 3 { scanning = false }
        }
        return false
    }
}
