import ArgumentParser
import Foundation
import GlossPreview

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build it in memory, serve it, rebuild on every save and reload the browser.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Address to listen on. Anything but loopback shows the preview (drafts included) to your network.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port = 8000

    @Flag(name: .long, help: "Open the preview in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let open = self.open
        // Said as soon as the port is ours: the first build's pages are served as they are made.
        let options = PreviewOptions(source: site.source, host: host, port: port, includeDrafts: site.drafts,
                                     allowOrphans: site.allowOrphans, allowBrokenLinks: site.allowBrokenLinks, output: { Report.line($0) },
                                     onListening: { url in
                                         Report.line("Serving \(url) (Ctrl-C to stop); building, each page is served as soon as it is made")
                                         if open { Browser.open(url) }
                                     })
        if !options.isLoopback {
            Report.line("warning: --host \(host) makes the preview reachable from other machines; it has no authentication and serves drafts")
        }
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        // ParsableCommand.run is synchronous (the root command is not async): run the server in a
        // task and wait here; SIGINT/SIGTERM end it gracefully.
        Task {
            do {
                let preview = try await PreviewServer.start(options, handleSignals: true)
                try await preview.wait()
            } catch PreviewError.stoppedWhileStarting {
                // Ctrl-C before the first build finished: a clean stop.
            } catch {
                outcome.error = error
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error {
            Report.line("error: \(error)")
            throw ExitCode(1)
        }
        Report.line("preview stopped")
    }

    /// Written by the task before it signals, read after the wait.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}

enum Browser {
    static func open(_ url: String) {
        #if os(macOS)
        let command = ["open", url]
        #else
        let command = ["xdg-open", url]
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            Report.line("could not open a browser (\(command[0])); open \(url) yourself")
        }
    }
}
