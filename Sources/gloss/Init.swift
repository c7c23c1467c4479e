import ArgumentParser
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a site: gloss.yml, an example article, two entities and a note, using the built-in theme.")

    @Argument(help: "Folder for the new site (created when missing; it must not already hold a site).")
    var directory = "."

    @Option(name: .long, help: "The site's title (default: from the folder's name).")
    var title: String?

    func run() throws {
        do {
            let created = try SiteScaffold.createSite(at: directory, title: title ?? SiteScaffold.title(fromFolder: directory))
            for path in created { Report.line("created \(directory == "." ? path : directory + "/" + path)") }
            let enter = directory == "." ? "" : "cd \(directory) && "
            Report.line("Next: \(enter)gloss serve    (then `gloss new article \"Title\"` to add articles)")
        } catch let error as SiteScaffold.ScaffoldError {
            Report.line("error: \(error)")
            throw ExitCode(1)
        }
    }
}
