import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw-socket HTTP for the preview's tests: requests go out byte for byte as written (URLSession
/// and curl normalise `..` away), every call has a deadline, and blocking socket calls run on
/// their own threads, never on Swift's cooperative pool that the server under test needs.
enum TestHTTP {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]   // lower-cased names
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(_ port: Int, _ target: String) async throws -> Reply {
        try await request(port: port, method: "GET", target: target)
    }

    static func request(port: Int, method: String, target: String, timeout: Double = 10) async throws -> Reply {
        try await onThread {
            let socket = try connect(port: port, timeout: timeout)
            defer { close(socket) }
            try send(socket, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            var data: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count == 0 { break }
                if count < 0 { throw Failure(description: "recv failed or timed out (errno \(errno)) for \(method) \(target)") }
                data.append(contentsOf: chunk[..<count])
            }
            return try parse(data, method: method)
        }
    }

    static func parse(_ data: [UInt8], method: String) throws -> Reply {
        guard let end = find([13, 10, 13, 10], in: data, from: 0) else { throw Failure(description: "no header end in \(data.count) bytes") }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoder = Dechunker()
            body = decoder.feed(body)
        }
        return Reply(status: status, headers: headers, body: method == "HEAD" ? [] : body)
    }

    // MARK: - Sockets

    static func connect(port: Int, timeout: Double) throws -> Int32 {
        #if os(Linux)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "socket failed") }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if os(Linux)
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "connect to port \(port) failed (errno \(errno))")
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { buffer in
                #if os(Linux)
                Glibc.send(socket, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(socket, buffer.baseAddress, buffer.count, 0)
                #endif
            }
            guard count > 0 else { throw Failure(description: "send failed (errno \(errno))") }
            sent += count
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if Array(haystack[index..<(index + needle.count)]) == needle { return index }
        }
        return nil
    }
}

/// Runs blocking work on a new thread.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.start()
    }
}

/// Incremental decoding of `Transfer-Encoding: chunked`.
struct Dechunker {
    private var pending: [UInt8] = []

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        var output: [UInt8] = []
        while let lineEnd = TestHTTP.find([13, 10], in: pending, from: 0) {
            let sizeText = String(decoding: pending[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
            let dataStart = lineEnd + 2
            if size == 0 { pending = []; break }
            guard pending.count >= dataStart + size + 2 else { break }
            output += pending[dataStart..<(dataStart + size)]
            pending.removeFirst(dataStart + size + 2)
        }
        return output
    }
}

/// A Server-Sent Events client on a raw socket: `next` returns the next event (comments are
/// skipped unless asked for), waiting at most `timeout` seconds.
final class TestEventStream: @unchecked Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    private let socket: Int32
    private let lock = NSLock()
    private var dechunker = Dechunker()
    private var text = ""
    private var headersDone = false
    private var closed = false

    init(port: Int) async throws {
        socket = try await onThread {
            let socket = try TestHTTP.connect(port: port, timeout: 10)
            try TestHTTP.send(socket, "GET /_gloss/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            return socket
        }
    }

    deinit { if !closed { Glibc.close(socket) } }

    func close() {
        lock.lock(); defer { lock.unlock() }
        if !closed { closed = true; shutdown(socket, Int32(SHUT_RDWR)); Glibc.close(socket) }
    }

    /// The next event; nil when the server ended the stream.
    func next(timeout: Double = 10, includingComments: Bool = false) async throws -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let event = takeEvent(includingComments: includingComments) { return event }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw TestHTTP.Failure(description: "no event within \(timeout) s") }
            let more = try await onThread { [self] in try self.read(timeout: remaining) }
            if more == nil { return takeEvent(includingComments: includingComments) }
        }
    }

    /// Waits for an event with this name, skipping others.
    func next(named name: String, timeout: Double = 10) async throws -> Event {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            guard let event = try await next(timeout: max(0.01, deadline.timeIntervalSinceNow)) else {
                throw TestHTTP.Failure(description: "stream ended before `\(name)`")
            }
            if event.name == name { return event }
        }
    }

    /// Whether the server has closed the stream (reads until EOF or timeout).
    func isEnded(timeout: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            if try await onThread({ [self] in try self.read(timeout: max(0.01, deadline.timeIntervalSinceNow)) }) == nil { return true }
        }
        return false
    }

    /// Reads once; nil at end of stream; "" on timeout.
    private func read(timeout: Double) throws -> String? {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = Glibc.poll(&descriptor, 1, Int32(max(1, timeout * 1000)))
        guard ready > 0 else { return "" }
        var chunk = [UInt8](repeating: 0, count: 16384)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return nil }
        lock.lock(); defer { lock.unlock() }
        var bytes = Array(chunk[..<count])
        if !headersDone {
            text += String(decoding: bytes, as: UTF8.self)
            guard let range = text.range(of: "\r\n\r\n") else { return "" }
            let head = String(text[..<range.lowerBound])
            guard head.hasPrefix("HTTP/1.1 200") else { throw TestHTTP.Failure(description: "event stream answered \(head)") }
            bytes = Array(text[range.upperBound...].utf8)
            text = ""
            headersDone = true
        }
        let decoded = String(decoding: dechunker.feed(bytes), as: UTF8.self)
        text += decoded
        return decoded
    }

    private func takeEvent(includingComments: Bool) -> Event? {
        lock.lock(); defer { lock.unlock() }
        while headersDone, let range = text.range(of: "\n\n") {
            let block = String(text[..<range.lowerBound])
            text.removeSubrange(..<range.upperBound)
            var name = "message"
            var data: [String] = []
            var comment = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") { comment = true }
                else if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                else if line.hasPrefix("data:") { data.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
            }
            if comment && data.isEmpty {
                if includingComments { return Event(name: "comment", data: "") }
                continue
            }
            if data.isEmpty && name == "message" { continue }   // `retry:` only
            return Event(name: name, data: data.joined(separator: "\n"))
        }
        return nil
    }
}
