import Foundation
import GlossContent

/// The next version of an output folder, written beside it while the site is still being built:
/// pages go to disk as they are rendered, so a build does not hold every page in memory, and
/// `finish` swaps the folder in (`FolderSwap`) only once the build is whole and free of errors.
/// Until then, and after `abandon` or a failure, the old site stays exactly as it was. It holds
/// the output's lock from start to end; `SiteWriter.write` is this with all files at once.
public final class StagedSite: @unchecked Sendable {
    let output: String
    let staging: String
    let options: SiteWriter.Options
    let method: FolderSwap.Method
    /// The files of the site being replaced, when unchanged ones are recognised (`reuseUnchanged`).
    let old: Set<String>?
    let leftovers: [String]

    private var lock: OutputLock?
    private let state = NSLock()
    private var folders: Set<String> = []
    private var paths: [String] = []
    private var added: [String] = [], updated: [String] = []
    private var refused: [String] = [], failures: [String] = []
    private var done = false

    /// Takes the output's lock (waiting for another writer), repairs what a killed writer left,
    /// and opens a fresh staging folder beside the output.
    public convenience init(output: String, source: String?, options: SiteWriter.Options = SiteWriter.Options()) throws {
        try self.init(output: output, source: source, options: options, method: .exchange)
    }

    init(output: String, source: String?, options: SiteWriter.Options, method: FolderSwap.Method) throws {
        let output = SiteWriter.resolved(output)
        try SiteWriter.checkSafe(output: output, source: source.map(SiteWriter.resolved))
        try OutputFolder.makeParents(of: output)
        let lock = try OutputLock(beside: output, onWait: options.onWait)
        leftovers = try FolderSwap.recover(output)
        try SiteWriter.checkContents(output)
        old = options.reuseUnchanged ? Set(OutputFolder.list(output)) : nil
        staging = FolderSwap.staging(for: output)
        try OutputFolder.makeFolder(staging)
        (self.output, self.options, self.method, self.lock) = (output, options, method, lock)
    }

    deinit {
        if !done { try? FileManager.default.removeItem(atPath: staging) }
    }

    /// Writes files into the staging folder, on every core; a file with the same bytes as the
    /// old site's copy becomes a hard link to it (keeping its modification time). Safe to call
    /// from many threads at once. Problems are kept for `finish`.
    public func add(_ files: [OutputFile]) {
        DispatchQueue.concurrentPerform(iterations: files.count) { place(files[$0]) }
    }

    private func place(_ file: OutputFile) {
        guard OutputFolder.isSafe(file.path) else {
            state.withLock { refused.append(file.path) }
            return
        }
        var failure: String?
        do { try makeFolders(for: file.path) } catch { failure = "\(error)" }
        var unchanged: String?
        var isNew = true
        if let old, old.contains(file.path) {
            let path = output + "/" + file.path
            isNew = false
            let sameFile = file.disk.map { $0.isImmutable && OutputFolder.isSameFile(path, $0.path) } ?? false
            if sameFile || OutputFolder.holds(path, file) { unchanged = path }
        }
        if failure == nil { failure = OutputFolder.place(file, in: staging, unchanged: unchanged) }
        state.withLock {
            paths.append(file.path)
            if isNew { added.append(file.path) } else if unchanged == nil { updated.append(file.path) }
            if let failure { failures.append(failure) }
        }
    }

    /// The folders above a file, each made once (parents first).
    private func makeFolders(for path: String) throws {
        for folder in OutputFolder.folders(above: path) {
            if state.withLock({ folders.contains(folder) }) { continue }
            try OutputFolder.makeFolder(staging + "/" + folder)
            state.withLock { _ = folders.insert(folder) }
        }
    }

    /// Puts the new site in place of the old one, unless a file could not be written (then the
    /// old site stays and this throws) or, with `reuseUnchanged`, nothing changed.
    @discardableResult
    public func finish() throws -> SiteWriter.Outcome {
        defer { release() }
        let (paths, added, updated, refused, failures) = state.withLock { (self.paths, self.added, self.updated, self.refused, self.failures) }
        var outcome = SiteWriter.Outcome(files: paths.count + refused.count)
        outcome.leftovers = leftovers
        if let bad = refused.sorted().first {
            try? FileManager.default.removeItem(atPath: staging)
            throw OutputFolder.refusal(bad)
        }
        if let old {
            (outcome.added, outcome.updated, outcome.removed) = (added.sorted(), updated.sorted(), old.subtracting(paths).sorted())
            if failures.isEmpty, FolderSwap.exists(output), added.isEmpty, updated.isEmpty, outcome.removed.isEmpty {
                try? FileManager.default.removeItem(atPath: staging)
                outcome.replaced = false
                return outcome
            }
        }
        do {
            try OutputFolder.check(failures.sorted())
            if let previous = try FolderSwap.install(staging, at: output, method: method) {
                if options.grace > .zero { Thread.sleep(forTimeInterval: options.grace.inSeconds) }
                try? FileManager.default.removeItem(atPath: previous)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw SiteWriter.WriteError("\(error); \(output) is left as it was")
        }
        return outcome
    }

    /// Drops the staging folder: the build failed, and the old site stays as it was.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
        release()
    }

    private func release() {
        state.withLock {
            done = true
            lock = nil
        }
    }
}
