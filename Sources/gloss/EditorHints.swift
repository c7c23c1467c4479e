import GlossAnalysis
import GlossBuild

/// Prints `gloss check`'s help for editors after the diagnostics.
enum EditorHints {
    static func print(_ site: AnalysedSite) {
        let report = EditorReport(site)
        if !report.candidates.isEmpty {
            Report.line("candidate entities (names in two or more articles that match no entity):")
            for candidate in report.candidates.prefix(40) { Report.line("  \(candidate.name) — \(candidate.articles) articles") }
        }
        if !report.unusedAliases.isEmpty {
            Report.line("unused aliases (never matched in any article):")
            for alias in report.unusedAliases { Report.line("  \(alias.path): `\(alias.entity)` alias \"\(alias.alias)\"") }
        }
        if !report.ambiguous.isEmpty {
            Report.line("ambiguous aliases (never linked):")
            for hit in report.ambiguous { Report.line("  \(hit.path):\(hit.line): \"\(hit.alias)\"") }
        }
        if !report.nearMisses.isEmpty {
            Report.line("aliases inside longer names (not linked; register that name as an entity, or list the alias under `ambiguous_aliases`):")
            for miss in report.nearMisses {
                Report.line("  \(miss.path):\(miss.line): \"\(miss.name)\" contains \"\(miss.alias)\" of `\(miss.entity)`")
            }
        }
        if !report.unintroduced.isEmpty {
            Report.line("surnames of people the article never names in full or with a title (not linked: name the person once, or it is someone or something else):")
            for hit in report.unintroduced { Report.line("  \(hit.path):\(hit.line): \"\(hit.alias)\" of `\(hit.entity)`") }
        }
        if !report.roleCredits.isEmpty {
            Report.line("quotations credited to a role's holder (\"the prime minister said\"; settle a role with an entity's `roles:`):")
            for credit in report.roleCredits {
                Report.line("  \(credit.path): paragraph \(credit.paragraph): \"the \(credit.role)\" → `\(credit.entity)`")
            }
        }
    }
}
