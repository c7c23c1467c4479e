import Dispatch

/// Runs blocking work (a whole-site build, which spreads itself over every core) on its own
/// queue, so it never occupies one of the few threads of Swift's cooperative pool that the
/// server's request handlers need.
enum Blocking {
    private static let queue = DispatchQueue(label: "gloss.preview.build", qos: .userInitiated)

    /// The work's result, or nil when the waiting task was cancelled first (Ctrl-C during a long
    /// build: the preview stops at once; the abandoned build's result is dropped).
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        let slot = Locked<CheckedContinuation<T?, Never>?>(nil)
        let take: @Sendable () -> CheckedContinuation<T?, Never>? = { slot.withLock { continuation in defer { continuation = nil }; return continuation } }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                slot.withLock { $0 = continuation }
                if Task.isCancelled { take()?.resume(returning: nil) }
                queue.async {
                    let result = work()
                    take()?.resume(returning: result)
                }
            }
        } onCancel: {
            take()?.resume(returning: nil)
        }
    }
}
