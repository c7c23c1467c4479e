/// What the live-reload script is told over Server-Sent Events.
public enum ReloadEvent: Sendable, Equatable {
    /// Sent first on every connection: the current build; a page built earlier reloads.
    case hello(buildID: String)
    /// Something a page shows changed (or an error overlay appeared or went away): reload.
    case reload(buildID: String)
    /// Only stylesheets changed: swap them without reloading.
    case css(buildID: String)
    /// A comment line that keeps proxies quiet and detects clients that went away.
    case ping

    /// The event in the `text/event-stream` wire format.
    public var wire: String {
        switch self {
        case .hello(let id): "event: hello\ndata: \(id)\n\n"
        case .reload(let id): "event: reload\ndata: \(id)\n\n"
        case .css(let id): "event: css\ndata: \(id)\n\n"
        case .ping: ": ping\n\n"
        }
    }

    public var name: String {
        switch self {
        case .hello: "hello"
        case .reload: "reload"
        case .css: "css"
        case .ping: "ping"
        }
    }
}

/// Fans reload events out to every connected browser: one `AsyncStream` per client. A client is
/// unsubscribed when its response ends (a write fails once the browser has gone: the keep-alive
/// pings make sure one is attempted) and every stream is finished when the server shuts down.
public actor ReloadHub {
    private var clients: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var closed = false

    public init() {}

    /// Connected clients (for tests and the benchmark).
    public var clientCount: Int { clients.count }

    /// A new client's stream of events, and the id to `unsubscribe` it with. After `finishAll()`
    /// the stream is already finished.
    public func subscribe() -> (id: Int, events: AsyncStream<ReloadEvent>) {
        // A slow client keeps only the latest few events; any one of them makes it reload.
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        guard !closed else {
            continuation.finish()
            return (id, stream)
        }
        clients[id] = continuation
        return (id, stream)
    }

    /// Removes a client (its response ended or its connection failed) and finishes its stream.
    public func unsubscribe(_ id: Int) {
        clients.removeValue(forKey: id)?.finish()
    }

    public func broadcast(_ event: ReloadEvent) {
        for continuation in clients.values { continuation.yield(event) }
    }

    /// Ends every stream (so open event-stream responses complete and the server can stop) and
    /// refuses new subscribers.
    public func finishAll() {
        closed = true
        let open = clients.values
        clients.removeAll()
        for continuation in open { continuation.finish() }
    }
}
