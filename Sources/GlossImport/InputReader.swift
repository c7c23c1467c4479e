import Foundation
import GlossContent
import GlossHTML

/// What one input file gave: its records, the problems that rejected records (or the whole
/// file), and warnings that did not.
struct InputReading: Sendable {
    var records: [ImportRecord] = []
    var problems: [ReadProblem] = []
    var warnings: [ReadProblem] = []
}

/// Reads an input file, refuses what is not text (empty, binary, not UTF-8) with the line of
/// the first bad byte, and hands it to the reader its extension or first bytes call for.
enum InputReader {
    enum Kind: Equatable { case text, html, feed, csv, jsonLines }

    static func read(_ path: String) -> InputReading {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return failure("no such file") }
        guard !isDirectory.boolValue else { return failure("is a folder") }
        guard let data = FileManager.default.contents(atPath: path) else { return failure("cannot read the file (permissions?)") }
        let bytes = [UInt8](data)
        // A saved page is decoded as a browser would (its own encoding declaration, Windows-1252), when the article is built.
        if kind(of: path, text: String(decoding: bytes.prefix(1024), as: UTF8.self)) == .html {
            if let problem = emptyOrBinary(bytes) { return InputReading(problems: [problem]) }
            var record = ImportRecord(input: path, line: 1, text: "", format: .htmlPage)
            record.pageFile = path
            record.isSinglePage = true
            record.textLinesAreInputLines = false
            return InputReading(records: [record])
        }
        switch decode(bytes) {
        case .failure(let problem): return InputReading(problems: [problem])
        case .success(let text): return read(text, path: path, kind: kind(of: path, text: text))
        }
    }

    static func read(_ text: String, path: String, kind: Kind) -> InputReading {
        switch kind {
        case .text:
            var record = ImportRecord(input: path, line: 1, text: text, format: .plainText)
            record.isSinglePage = true
            return InputReading(records: [record])
        case .html:
            var record = ImportRecord(input: path, line: 1, text: "", format: .htmlPage)
            record.page = Array(text.utf8)
            record.isSinglePage = true
            record.textLinesAreInputLines = false
            return InputReading(records: [record])
        case .csv:
            let (records, problems, warnings) = BatchReader.csv(Array(text.utf8), input: path)
            return InputReading(records: records, problems: problems, warnings: warnings)
        case .jsonLines:
            if text.drop(while: \.isWhitespace).first == "[" {
                return failure("a JSON array: write one JSON object per line (JSON Lines) instead")
            }
            let (records, problems) = BatchReader.jsonLines(Array(text.utf8), input: path)
            return InputReading(records: records, problems: problems)
        case .feed:
            let feed = FeedReader.read(Data(text.utf8))
            var reading = InputReading(records: feed.entries.map { record(from: $0, feedTitle: feed.title, input: path) })
            if let error = feed.error {
                let kept = feed.entries.isEmpty ? "" : "; the \(feed.entries.count) entries before it were read"
                reading.problems.append(ReadProblem(line: error.line, message: "\(error.message) (column \(error.column))\(kept)", isRecord: false))
            }
            return reading
        }
    }

    static func record(from entry: FeedEntry, feedTitle: String?, input: String) -> ImportRecord {
        let content = entry.content ?? entry.summary ?? ""
        var title = entry.title
        title = entry.titleIsHTML ? HTMLDocument.parseFragment(title).textContent(0) : HTMLDocument.plainText(title)
        var record = ImportRecord(input: input, line: entry.line, title: TextNormaliser.normalise(title), text: content,
                                  format: BatchReader.looksLikeHTML(content) || entry.content != nil ? .html : .plainText)
        record.textLinesAreInputLines = false
        record.date = entry.date
        record.url = entry.link.map { TextNormaliser.normalise($0) }
        record.author = entry.author.map { TextNormaliser.normalise($0) }
        record.tags = entry.categories.map { TextNormaliser.normalise($0) }.filter { !$0.isEmpty }
        record.fallbackSource = feedTitle.map { TextNormaliser.normalise($0) }
        return record
    }

    static func failure(_ message: String) -> InputReading {
        InputReading(problems: [ReadProblem(line: 1, message: message, isRecord: false)])
    }

    /// By extension first; otherwise by the first bytes (`<?xml`/`<rss`/`<feed`, `<html`, `{`).
    static func kind(of path: String, text: String) -> Kind {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "jsonl", "ndjson", "json": return .jsonLines
        case "rss", "atom", "xml": return .feed
        case "html", "htm", "xhtml": return .html
        default: break
        }
        let start = text.drop(while: \.isWhitespace).prefix(1024).lowercased()
        if start.hasPrefix("<?xml") || start.hasPrefix("<rss") || start.hasPrefix("<feed") || start.hasPrefix("<rdf") {
            return start.contains("<rss") || start.contains("<feed") || start.contains("<rdf") ? .feed : .html
        }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") { return .html }
        if start.hasPrefix("{") { return .jsonLines }
        return .text
    }

    /// UTF-8 text (a BOM is dropped; UTF-16 with a BOM is converted), or the reason it is not text.
    static func decode(_ bytes: [UInt8]) -> Result<String, ReadProblem> {
        guard !bytes.isEmpty else { return .failure(ReadProblem(line: 1, message: "empty file", isRecord: false)) }
        var body = bytes[...]
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]),
           let text = String(data: Data(bytes), encoding: .utf16) {
            return text.allSatisfy(\.isWhitespace) ? .failure(ReadProblem(line: 1, message: "empty file", isRecord: false)) : .success(text)
        }
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            return .failure(ReadProblem(line: lineNumber(of: nul, in: body), message: "binary file (a NUL byte at offset \(nul - body.startIndex)), not text", isRecord: false))
        }
        if let bad = SourceFile.firstInvalidUTF8(body) {
            let line = lineNumber(of: bad, in: body)
            return .failure(ReadProblem(line: line, message: "not UTF-8 text (byte 0x\(String(body[bad], radix: 16, uppercase: true)) at offset \(bad - body.startIndex)); convert it first, e.g. iconv -f windows-1252 -t utf-8", isRecord: false))
        }
        let text = String(decoding: body, as: UTF8.self)
        guard !text.unicodeScalars.allSatisfy({ TextNormaliser.isSpace($0) || $0 == "\n" || $0 == "\r" || TextNormaliser.isInvisible($0) }) else {
            return .failure(ReadProblem(line: 1, message: "empty file (only white space)", isRecord: false))
        }
        return .success(text)
    }

    /// An HTML page too is refused when it is empty or binary (a NUL byte in the first 8 KB: browsers would show garbage).
    static func emptyOrBinary(_ bytes: [UInt8]) -> ReadProblem? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return ReadProblem(line: 1, message: "empty file", isRecord: false) }
        let start = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) ? bytes.count : 0  // UTF-16 has NULs by design
        if let nul = bytes.prefix(8192).dropFirst(start).firstIndex(of: 0) {
            return ReadProblem(line: lineNumber(of: nul, in: bytes[...]), message: "binary file (a NUL byte at offset \(nul)), not text", isRecord: false)
        }
        return nil
    }

    static func lineNumber(of offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        1 + bytes[bytes.startIndex..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Folders become the files inside them (sorted, hidden ones skipped), so `gloss import scraped/` works.
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let enumerator = FileManager.default.enumerator(atPath: path) else { return [path] }
            var files: [String] = []
            for case let relative as String in enumerator {
                if (relative as NSString).lastPathComponent.hasPrefix(".") { enumerator.skipDescendants(); continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue { files.append(full) }
            }
            return files.sorted()
        }
    }
}

