import Foundation
import GlossContent

/// The preview's shared state: what the server shows, the hub that tells browsers about changes,
/// and the loop that rebuilds when sources change.
final class PreviewSession: Sendable {
    let hub = ReloadHub()
    let state: Locked<PreviewState>
    /// Changes on every start, so a page from an earlier `gloss serve` reloads on reconnection.
    let token: String
    private let generation = Locked(0)
    private let output: @Sendable (String) -> Void
    private let onRebuild: (@Sendable (RebuildReport) -> Void)?

    init(output: @escaping @Sendable (String) -> Void, onRebuild: (@Sendable (RebuildReport) -> Void)?) {
        token = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        state = Locked(PreviewState(site: nil, failure: nil, buildID: token + "-0"))
        self.output = output
        self.onRebuild = onRebuild
    }

    /// Rebuilds once per batch of changes until the stream ends or the task is cancelled.
    func run(builder: PreviewBuilder, changes: AsyncStream<[String]>, initialBuild: OneShot<RebuildReport>) async {
        var builder = builder
        let early = FirstBuildFiles()
        state.withLock { $0.firstBuild = early }
        guard let first = await builder.rebuild(trigger: [], streamingTo: early) else {
            initialBuild.fail(CancellationError())
            return
        }
        await publish(first, builder: builder)
        initialBuild.succeed(first)
        for await batch in changes {
            guard let report = await builder.rebuild(trigger: batch) else { return }
            await publish(report, builder: builder)
        }
    }

    /// Makes a build visible: state first (so a reloading browser gets the new pages), then the
    /// terminal, then the browsers.
    func publish(_ report: RebuildReport, builder: PreviewBuilder) async {
        let buildID: String = state.withLock { state in
            state.site = builder.servedSite
            state.failure = builder.failure
            state.firstBuild = nil
            if report.event != nil {
                let next = generation.withLock { value -> Int in value += 1; return value }
                state.buildID = "\(token)-\(next)"
            }
            return state.buildID
        }
        for line in report.lines { output(line) }
        onRebuild?(report)
        switch report.event {
        case .reload?: await hub.broadcast(.reload(buildID: buildID))
        case .css?: await hub.broadcast(.css(buildID: buildID))
        case nil: break
        }
    }
}
