import Foundation
import GlossBuild
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// How to run a preview.
public struct PreviewOptions: Sendable {
    public var source: String
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    public var includeDrafts: Bool
    public var allowOrphans: Bool
    public var allowBrokenLinks: Bool
    /// Quiet time after the last file event before rebuilding.
    public var debounce: Duration
    /// How often open event streams get a keep-alive comment (which also notices closed ones).
    public var heartbeat: Duration
    /// Where the URL, rebuild lines and diagnostics go (the command line: standard error).
    public var output: @Sendable (String) -> Void
    /// Called after every build with its report (tests and benchmarks).
    public var onRebuild: (@Sendable (RebuildReport) -> Void)?
    /// Called with the preview's URL once it listens, before the first build is done: pages
    /// are served as that build makes them.
    public var onListening: (@Sendable (_ url: String) -> Void)?

    public init(source: String, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false,
                allowOrphans: Bool = false, allowBrokenLinks: Bool = false, debounce: Duration = WatchedFiles.debounce, heartbeat: Duration = .seconds(15),
                output: @escaping @Sendable (String) -> Void = { _ in }, onRebuild: (@Sendable (RebuildReport) -> Void)? = nil,
                onListening: (@Sendable (_ url: String) -> Void)? = nil) {
        self.source = source
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.allowOrphans = allowOrphans
        self.allowBrokenLinks = allowBrokenLinks
        self.debounce = debounce
        self.heartbeat = heartbeat
        self.output = output
        self.onRebuild = onRebuild
        self.onListening = onListening
    }

    /// Loopback addresses; anything else exposes drafts to the network.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

public enum PreviewError: Error, CustomStringConvertible, Equatable {
    case portInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)
    case notASite(String)
    case cannotWatch(String)
    /// Stopped (Ctrl-C) before the first build finished: not a failure.
    case stoppedWhileStarting

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) is already in use on \(host) (another `gloss serve`?); choose another with --port, e.g. `gloss serve --port \(port == 65535 ? 8001 : port + 1)`"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        case .notASite(let source):
            "\(source) is not a Gloss site: it has no gloss.yml (start one with `gloss init`)"
        case .cannotWatch(let reason):
            reason
        case .stoppedWhileStarting:
            "stopped before the first build finished"
        }
    }
}

/// `gloss serve`: builds the site in memory, serves it over HTTP (Hummingbird), watches the
/// sources and rebuilds on change, and tells open pages to reload.
public enum PreviewServer {
    /// Starts the preview and returns once it listens and the first build is published (pages
    /// are served from the moment it listens, each as soon as the first build makes it).
    /// - Parameter handleSignals: stop gracefully on SIGINT/SIGTERM (the command line).
    public static func start(_ options: PreviewOptions, handleSignals: Bool = false) async throws -> RunningPreview {
        let source = URL(fileURLWithPath: options.source).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: source + "/gloss.yml") else { throw PreviewError.notASite(options.source) }
        let session = PreviewSession(output: options.output, onRebuild: options.onRebuild)
        let builder = PreviewBuilder(source: source, includeDrafts: options.includeDrafts, allowOrphans: options.allowOrphans,
                                     allowBrokenLinks: options.allowBrokenLinks)
        // Watch before the first build, so nothing saved during it is missed.
        let watcher: any SourceWatcher
        do {
            watcher = try WatchedFiles.watcher(root: source, debounce: options.debounce, warn: options.output)
        } catch {
            throw PreviewError.cannotWatch("\(error)")
        }
        let listening = OneShot<Int>()
        let initialBuild = OneShot<RebuildReport>()

        var logger = Logger(label: "gloss.preview")
        logger.logLevel = .error
        let app = Application(
            responder: PreviewResponder(session: session),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in listening.succeed(channel.localAddress?.port ?? options.port) },
            logger: logger)
        let service = RebuildService(session: session, builder: builder, watcher: watcher, heartbeat: options.heartbeat,
                                     listening: listening, initialBuild: initialBuild)
        var configuration = ServiceGroupConfiguration(
            services: [
                .init(service: app),
                // Shut down first (reverse order): ends the event streams so the server can stop.
                .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        let host = options.host
        let requestedPort = options.port
        let task = Task {
            do {
                try await group.run()
                listening.fail(PreviewError.stoppedWhileStarting)
                initialBuild.fail(CancellationError())
            } catch {
                let mapped = Self.explain(error, host: host, port: requestedPort)
                listening.fail(mapped)
                initialBuild.fail(mapped)
                watcher.stop()
                throw mapped
            }
        }
        let port = try await listening.value
        options.onListening?(url(host: options.host, port: port))
        do {
            _ = try await initialBuild.value
        } catch is CancellationError {
            _ = await task.result
            throw PreviewError.stoppedWhileStarting
        }
        return RunningPreview(host: options.host, port: port, session: session, group: group, task: task)
    }

    /// Bind failures in words.
    static func explain(_ error: any Error, host: String, port: Int) -> any Error {
        if let io = error as? IOError {
            if io.errnoCode == EADDRINUSE { return PreviewError.portInUse(host: host, port: port) }
            return PreviewError.cannotListen(host: host, port: port, reason: String(cString: strerror(io.errnoCode)))
        }
        let text = "\(error)"
        if text.contains("Address already in use") { return PreviewError.portInUse(host: host, port: port) }
        return error
    }

    /// `http://host:port/`, bracketing IPv6 addresses; all-interfaces hosts are shown as loopback.
    static func url(host: String, port: Int) -> String {
        var shown = host
        if host == "0.0.0.0" { shown = "127.0.0.1" } else if host == "::" { shown = "[::1]" }
        if shown.contains(":") && !shown.hasPrefix("[") { shown = "[\(shown)]" }
        return "http://\(shown):\(port)/"
    }
}

/// A running preview.
public final class RunningPreview: Sendable {
    public let host: String
    public let port: Int
    let session: PreviewSession
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(host: String, port: Int, session: PreviewSession, group: ServiceGroup, task: Task<Void, any Error>) {
        self.host = host
        self.port = port
        self.session = session
        self.group = group
        self.task = task
    }

    public var url: String { PreviewServer.url(host: host, port: port) }
    public var hub: ReloadHub { session.hub }

    /// Waits until the preview stops (a signal, or `stop()`).
    public func wait() async throws {
        try await task.value
    }

    /// Stops gracefully: event streams end, then the server.
    public func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}

/// Runs the rebuild loop and the keep-alive ticks; on shutdown stops watching and ends every
/// event stream.
struct RebuildService: Service {
    let session: PreviewSession
    let builder: PreviewBuilder
    let watcher: any SourceWatcher
    let heartbeat: Duration
    let listening: OneShot<Int>
    let initialBuild: OneShot<RebuildReport>

    func run() async throws {
        // Build only once the port is ours: a port in use is reported at once.
        guard (try? await listening.value) != nil else {
            watcher.stop()
            await session.hub.finishAll()
            return
        }
        let session = self.session
        let builder = self.builder
        let watcher = self.watcher
        let heartbeat = self.heartbeat
        let initialBuild = self.initialBuild
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    await session.run(builder: builder, changes: watcher.changes, initialBuild: initialBuild)
                }
                group.addTask {
                    while !Task.isCancelled {
                        do { try await Task.sleep(for: heartbeat) } catch { return }
                        await session.hub.broadcast(.ping)
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
        watcher.stop()
        await session.hub.finishAll()
    }
}
