import ArgumentParser
import Foundation
import GlossBuild
import GlossContent
import GlossRender

/// Options shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding gloss.yml and content/).")
    var source: String = "."

    @Flag(name: .long, help: "Include articles marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Build even when notes cannot be anchored; list them on an Unanchored notes page.")
    var allowOrphans = false

    @Flag(name: .long, help: "Report broken internal links and anchors as warnings instead of errors.")
    var allowBrokenLinks = false

    var buildOptions: BuildOptions {
        BuildOptions(source: source, includeDrafts: drafts, allowOrphans: allowOrphans, allowBrokenLinks: allowBrokenLinks)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into an output folder, replacing it only when the build succeeds.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output folder (default: SOURCE/site).")
    var output: String?

    @Flag(name: .long, help: "Build even when no input changed since the last build, and keep no stamp in .gloss-cache/.")
    var noCache = false

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let destination = output ?? (site.source as NSString).appendingPathComponent("site")
        // Read before building: an edit made while it runs then counts as a change next time.
        let stamp = noCache ? nil : BuildStamp(source: site.source, output: destination, options: site.buildOptions)
        if let last = stamp?.lastBuild(source: site.source) {
            last.report.forEach(Report.line)
            Report.line("\(destination) is up to date: nothing it is built from changed since the last build (\(Int((clock.now - started).milliseconds)) ms; --no-cache builds anyway)")
            return
        }
        // Pages are written beside the output as they are rendered; the folder is swapped in once the build is whole.
        let staged: StagedSite
        do {
            staged = try StagedSite(output: destination, source: site.source, options: SiteWriter.Options(reuseUnchanged: true, onWait: { Report.line($0) }))
        } catch {
            Report.line("error: \(error)")
            throw ExitCode(1)
        }
        let result = SiteBuilder.build(site.buildOptions, sink: staged.add)
        Report.print(result.diagnostics)
        guard let files = result.files else {
            staged.abandon()
            Report.line("build failed: \(counted(result.diagnostics.errorCount, "error")); \(destination) left as it was")
            throw ExitCode(1)
        }
        do {
            staged.add(files)
            try staged.finish()
        } catch {
            Report.line("error: \(error)")
            throw ExitCode(1)
        }
        if let done = stamp?.finished(report: result.diagnostics.map(\.description)) {
            do { try done.store(source: site.source) } catch { Report.line("warning: could not keep the build's stamp in .gloss-cache/: \(error)") }
        }
        let pages = (result.written + files.map(\.path)).filter { $0.hasSuffix(".html") }.count
        let ms = Int((clock.now - started).milliseconds)
        let stages = result.timings.map { "\($0.stage) \(Int($0.milliseconds))" }.joined(separator: ", ")
        Report.line("built \(destination): \(counted(pages, "page")), \(counted(result.written.count + files.count, "file")), \(counted(result.diagnostics.warningCount, "warning")) in \(ms) ms (\(stages), write \(ms - Int(result.timings.reduce(0) { $0 + $1.milliseconds })))")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report every problem in the site without writing anything.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        var options = site.buildOptions
        options.makeImages = false
        let result = SiteBuilder.build(options)
        Report.print(result.diagnostics)
        if let analysed = result.analysed {
            EditorHints.print(analysed)
        }
        Report.line("\(counted(result.diagnostics.errorCount, "error")), \(counted(result.diagnostics.warningCount, "warning"))")
        if result.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

enum Report {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { line(diagnostic.description) }
    }

    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

