import ArgumentParser
import Foundation
import GlossContent
import GlossPublish
import GlossRender

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site for production (no drafts, every note anchored) and publish it.",
        discussion: """
        Give one destination. --to DIR replaces the folder atomically (for nginx, Apache or any \
        folder a server reads) and removes files no longer built. --git-branch BRANCH commits the \
        site, with .nojekyll, to a branch of the site's repository (GitHub Pages) without touching \
        the working tree or the current branch; --remote R pushes it. --rsync TARGET synchronises \
        a folder, host:path or rsync:// target by checksum, deleting stale files.

        Prints each file added, updated or removed, then a summary.
        """)

    @Option(name: .long, help: ArgumentHelp("The site folder (holding gloss.yml and content/).", valueName: "dir"))
    var source: String = "."

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The site's public address (replaces gloss.yml's base_url), e.g. https://example.org/digest/.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Collapse white space in HTML and drop comments.")
    var minify = false

    @Option(name: .customLong("to"), help: ArgumentHelp("Publish into this folder.", valueName: "dir"))
    var folder: String?

    @Option(name: .customLong("git-branch"), help: ArgumentHelp("Commit the site to this branch (e.g. gh-pages).", valueName: "branch"))
    var gitBranch: String?

    @Option(name: .long, help: ArgumentHelp("With --git-branch: push the branch to this remote (e.g. origin).", valueName: "remote"))
    var remote: String?

    @Option(name: .long, help: ArgumentHelp("Publish with rsync to this target: a folder, host:path or rsync:// URL.", valueName: "target"))
    var rsync: String?

    func validate() throws {
        let chosen = [folder, gitBranch, rsync].compactMap { $0 }.count
        if chosen != 1 { throw ValidationError("choose exactly one of --to DIR, --git-branch BRANCH or --rsync TARGET") }
        if remote != nil && gitBranch == nil { throw ValidationError("--remote only goes with --git-branch") }
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
                throw ValidationError("--base-url must be an absolute http(s) URL, e.g. https://example.org/digest/")
            }
        }
    }

    var destination: PublishDestination {
        if let folder { return .folder(folder) }
        if let gitBranch { return .gitBranch(gitBranch, remote: remote) }
        return .rsync(rsync!)
    }

    func run() throws {
        let result = Publisher.build(PublishOptions(source: source, baseURL: baseURL, minify: minify))
        Report.print(result.diagnostics)
        guard let files = result.files else {
            Report.line("publish failed: \(counted(result.diagnostics.errorCount, "error")); nothing was published")
            throw ExitCode(1)
        }
        let changes: ChangeReport
        do {
            changes = try Publisher.deploy(files, to: destination, source: source, onWait: { Report.line($0) })
        } catch {
            Report.line("error: \(error)")
            throw ExitCode(1)
        }
        for line in changes.lines { print(line) }
        Report.line(changes.isEmpty
            ? "published \(counted(files.count, "file")) to \(destination.description): already up to date"
            : "published \(counted(files.count, "file")) to \(destination.description): \(changes.summary)")
    }
}
