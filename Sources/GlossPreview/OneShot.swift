/// A value that arrives once (the server's port, the first build), awaited by any number of
/// tasks. A waiting task that is cancelled stops waiting (with `CancellationError`) without
/// completing the value for the others.
final class OneShot<Value: Sendable>: Sendable {
    private struct State: Sendable {
        var result: Result<Value, any Error>?
        var waiting: [Int: CheckedContinuation<Value, any Error>] = [:]
        var cancelled: Set<Int> = []
        var nextID = 0
    }
    private let state = Locked(State())

    func succeed(_ value: Value) { complete(.success(value)) }
    func fail(_ error: any Error) { complete(.failure(error)) }

    private func complete(_ result: Result<Value, any Error>) {
        let waiting: [CheckedContinuation<Value, any Error>] = state.withLock { state in
            guard state.result == nil else { return [] }
            state.result = result
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for continuation in waiting { continuation.resume(with: result) }
    }

    var value: Value {
        get async throws {
            let id = state.withLock { state -> Int in
                state.nextID += 1
                return state.nextID
            }
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let immediate: Result<Value, any Error>? = state.withLock { state in
                        if let result = state.result { return result }
                        if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                        state.waiting[id] = continuation
                        return nil
                    }
                    if let immediate { continuation.resume(with: immediate) }
                }
            } onCancel: {
                let continuation = state.withLock { state -> CheckedContinuation<Value, any Error>? in
                    if let continuation = state.waiting.removeValue(forKey: id) { return continuation }
                    if state.result == nil { state.cancelled.insert(id) }
                    return nil
                }
                continuation?.resume(throwing: CancellationError())
            }
        }
    }
}
