/// RFC 4180 CSV, read from bytes: quoted fields, doubled quotes, line breaks inside quotes,
/// CRLF or LF. Bad quoting rejects one record (with its line) and parsing goes on at the next line.
struct CSVParser {
    struct Record: Sendable {
        var fields: [String]
        /// Line where the record starts, and where each field starts (1-based).
        var line: Int
        var fieldLines: [Int]
    }

    struct Problem: Error, Sendable, Equatable {
        var line: Int
        var message: String
    }

    let bytes: [UInt8]

    /// Every record in order, and every problem; blank lines are skipped.
    func parse() -> (records: [Record], problems: [Problem]) {
        var records: [Record] = []
        var problems: [Problem] = []
        var index = 0
        var line = 1
        while index < bytes.count {
            let start = (index, line)
            switch record(from: &index, line: &line) {
            case .success(let record):
                if !(record.fields.count == 1 && record.fields[0].isEmpty) { records.append(record) }
            case .failure(let problem):
                problems.append(problem)
                // Resume on the line after the one where the bad record started.
                index = start.0
                line = start.1
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                index += 1
                line += 1
            }
        }
        return (records, problems)
    }

    private func record(from index: inout Int, line: inout Int) -> Result<Record, Problem> {
        var fields: [String] = []
        var fieldLines: [Int] = []
        let recordLine = line
        while true {
            fieldLines.append(line)
            var field: [UInt8] = []
            if index < bytes.count, bytes[index] == 0x22 {  // quoted
                let openLine = line
                index += 1
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 0x22 {
                        if index + 1 < bytes.count, bytes[index + 1] == 0x22 { field.append(0x22); index += 2; continue }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                    index += 1
                }
                guard closed else { return .failure(Problem(line: openLine, message: "unterminated quoted field (the quote opened on line \(openLine) is never closed)")) }
                if index < bytes.count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    return .failure(Problem(line: line, message: "text after a closing quote (write a quote inside a quoted field as \"\")"))
                }
            } else {
                while index < bytes.count, bytes[index] != 0x2C, bytes[index] != 0x0A {
                    if bytes[index] == 0x22 {
                        return .failure(Problem(line: line, message: "quote inside an unquoted field (quote the whole field and double the quote: \"\")"))
                    }
                    field.append(bytes[index])
                    index += 1
                }
                if field.last == 0x0D { field.removeLast() }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            if index >= bytes.count { break }
            if bytes[index] == 0x2C { index += 1; continue }
            if bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1; line += 1 }
            break
        }
        return .success(Record(fields: fields, line: recordLine, fieldLines: fieldLines))
    }
}
