import Dispatch

extension Array where Element: Sendable {
    /// Maps on every core, keeping order so output stays deterministic. The transform must be
    /// self-contained: it runs on many threads at once.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let slots = results
        self.withUnsafeBufferPointer { source in
            nonisolated(unsafe) let input = source
            // Chunks amortise dispatch overhead when elements are cheap.
            let chunks = Swift.min(count, ProcessInfoCores.count * 4)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lower = chunk * input.count / chunks
                let upper = (chunk + 1) * input.count / chunks
                for index in lower..<upper { slots[index] = transform(input[index]) }
            }
        }
        return results.map { $0! }
    }
}

enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }()
}
#if canImport(Glibc)
import Glibc
#endif
