import Foundation

/// A value behind a lock: the preview's shared state is read by every request and replaced by the
/// rebuild loop, and a lock is cheaper per request than an actor hop. (`Synchronization.Mutex`
/// needs macOS 15; the package still supports macOS 14.)
package final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    package init(_ value: Value) { self.value = value }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    package var current: Value { withLock { $0 } }
}
