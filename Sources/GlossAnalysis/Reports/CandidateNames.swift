/// Names that look like entities but are not in the registry yet: runs of capitalised words
/// ("Jesper Koll", "White House", "Bank of Japan"), trimmed of sentence openers, dates and job
/// titles. `gloss check` and `gloss import` both ask this one finder, so an editor sees the same
/// suggestions from either. Works on UTF-8 bytes: import runs it over every paragraph of a batch.
public enum CandidateNames {
    static let leadingNoise = NameWords.openers
    static let calendarWords = NameWords.calendar
    static let connectors: Set<String> = ["of", "de", "la", "le", "van", "von", "der", "al", "bin", "del", "du", "da", "for", "and"]
    /// Job titles: "Japanese Prime Minister" is a role, not an entity to register.
    static let roles: Set<String> = [
        "Minister", "President", "Secretary", "Representative", "Chancellor", "Ambassador", "Envoy", "Spokesman",
        "Spokeswoman", "Spokesperson", "Director", "Chairman", "Chairwoman", "Governor", "Senator", "Officials",
        "Official", "Leader", "Premier", "General", "Commissioner", "Mayor", "Chief", "Executive", "Officer",
    ]

    /// Titles written before a name: offices, honorifics, peerage and initialisms like "MP". A run
    /// is cut at them, so "Chancellor John Smith" is John Smith and "Bank of England Governor Mark
    /// Carney" is the Bank of England and Mark Carney. Party labels are names of their own.
    static func isTitle(_ word: String) -> Bool {
        let bare = word.trimmingTrailingDot
        if NameWords.partyLabels.contains(bare) { return false }
        // `Ex-minister`, `Vice-President`: a title in hyphenated parts.
        if bare.utf8.contains(0x2D) {
            return bare.split(separator: "-").contains { part in isTitle(part.prefix(1).uppercased() + part.dropFirst()) }
        }
        return roles.contains(bare) || NameWords.roles.contains(bare) || NameWords.honorifics[bare] != nil
            || NameWords.peerage.contains(bare) || NameWords.commonAbbreviations.contains(bare)
    }

    /// Party labels that come before a name (`Tory`, `Lib Dem`); not `Independent`, which opens
    /// the names of newspapers and channels.
    static let partyLabelWords: Set<String> = NameWords.partyLabels.subtracting(["Independent"]).union(["Lib", "Dem", "Dems"])

    /// Words that make a title of the title after them ("First Minister", "Shadow Chancellor",
    /// "Home Secretary").
    static let titleModifiers: Set<String> = [
        "First", "Shadow", "Acting", "Interim", "Former", "Junior", "Senior",
        "Home", "Foreign", "Defence", "Defense", "Health", "Education", "Culture", "Transport", "Trade", "Environment", "Justice", "Finance",
    ]

    /// Last words of institutions whose names hold a title word ("General Motors", "US Justice
    /// Department", "Prime Minister's Office"): a run ending in one is not cut.
    static let institutionWords: Set<String> = [
        "Motors", "Electric", "Dynamics", "Mills", "Department", "Ministry", "Office", "Court", "Courts", "Committee",
        "Council", "Commission", "Agency", "Authority", "Administration", "Service", "Services", "Bank", "Fund",
        "Union", "Association", "Assembly", "Party", "Group", "Board", "Institute", "University", "College",
        "School", "Hospital", "Foundation", "Trust", "Corporation", "Company", "Force", "Army", "Navy", "Police",
        "Guard", "House", "Church", "League", "Club", "Cabinet", "Government", "Secretariat", "Rabbinate",
    ]

    /// Every candidate in `text`, in order, repeats included.
    /// - Parameters:
    ///   - covered: UTF-8 ranges of registry matches: a run never crosses one.
    ///   - singleWords: also report a lone capitalised word inside a sentence (where capitals
    ///     are not grammar), not only runs of two to six words.
    public static func find(in text: String, excluding covered: [Range<Int>] = [], singleWords: Bool = false) -> [String] {
        var finder = Finder(bytes: Array(text.utf8), covered: covered.sorted { $0.lowerBound < $1.lowerBound }, singleWords: singleWords)
        finder.scan()
        return finder.names
    }

    /// One pass over the words; `run` holds the capitalised run being read.
    struct Finder {
        let bytes: [UInt8]
        let covered: [Range<Int>]
        let singleWords: Bool
        var names: [String] = []
        var run: [String] = []
        var runStartsSentence = false
        var sentenceStart = true
        /// The last run ended in a title's possessive (`Prime Minister's`): a word alone after it
        /// names the title holder's thing (`Questions`, `Budget`), not someone to register.
        var afterPossessiveTitle = false

        mutating func scan() {
            var coveredIndex = 0
            var index = 0
            while index < bytes.count {
                guard !CandidateNames.isSeparator(bytes[index]) else { index += 1; continue }
                var start = index
                while index < bytes.count, !CandidateNames.isSeparator(bytes[index]) { index += 1 }
                var end = index
                let startsSentence = sentenceStart
                sentenceStart = CandidateNames.endsSentence(bytes, start..<end)
                while coveredIndex < covered.count, covered[coveredIndex].upperBound <= start { coveredIndex += 1 }
                if coveredIndex < covered.count, covered[coveredIndex].lowerBound < end { closeRun(); continue }
                let opened = CandidateNames.punctuationLength(bytes, at: start) > 0
                while start < end, case let length = CandidateNames.punctuationLength(bytes, at: start), length > 0 { start += length }
                var trailing = false
                while end > start, case let length = CandidateNames.punctuationLength(bytes, endingAt: end), length > 0 { end -= length; trailing = true }
                if end - start > 2, bytes[end - 1] == 0x73, bytes[end - 2] == 0x27 { end -= 2; trailing = true }  // 's
                if end - start > 4, bytes[end - 1] == 0x73, bytes[end - 2] == 0x99, bytes[end - 3] == 0x80, bytes[end - 4] == 0xE2 { end -= 4; trailing = true }  // ’s
                if opened { closeRun() }
                guard start < end else { closeRun(); continue }
                let word = String(decoding: bytes[start..<end], as: UTF8.self)
                if CandidateNames.isCapitalised(bytes[start], word) {
                    if run.isEmpty { runStartsSentence = startsSentence || opened }
                    run.append(word)
                    if trailing {
                        let possessiveTitle = CandidateNames.isPossessive(bytes, after: end) && CandidateNames.isTitle(word)
                        closeRun()
                        afterPossessiveTitle = possessiveTitle
                    }
                } else if end - start <= 3, !run.isEmpty, !trailing, CandidateNames.connectors.contains(word) {
                    run.append(word)
                } else {
                    closeRun()
                }
            }
            closeRun()
        }

        /// Splits the run where "and" joins two names of two words or more ("Oliver Letwin and Vince
        /// Cable"; not "Marks and Spencer"), and reads each part.
        mutating func closeRun() {
            defer {
                if !run.isEmpty { afterPossessiveTitle = false }
                run = []
            }
            let isWord = { (word: String) in !CandidateNames.connectors.contains(word) }
            var parts: [ArraySlice<String>] = []
            var rest = run[...]
            while let and = rest.indices.first(where: { k in
                rest[k] == "and" && k - 2 >= rest.startIndex && k + 2 < rest.endIndex
                    && isWord(rest[k - 1]) && isWord(rest[k - 2]) && isWord(rest[k + 1]) && isWord(rest[k + 2])
            }) {
                parts.append(rest[..<and])
                rest = rest[(and + 1)...]
            }
            parts.append(rest)
            let startsSentence = runStartsSentence
            for (number, part) in parts.enumerated() {
                runStartsSentence = number == 0 && startsSentence
                read(Array(part))
            }
        }

        /// Cuts a run (or a part of one) at titles, trims each part of openers, dates and connectors,
        /// and keeps the parts that are names.
        mutating func read(_ words: [String]) {
            var part: [String] = []
            var index = 0
            var afterTitle = false
            // A party label before a name ("Tory Oliver Letwin", "Lib Dem Vince Cable") is cut from it
            // as a title is, and kept as a name of its own; not before an organisation's name
            // ("Labour Party", "Labour Friends of Israel", "Republican National Committee").
            let labels = words.prefix(while: CandidateNames.partyLabelWords.contains).count
            var end = words.count
            while end > labels, CandidateNames.connectors.contains(words[end - 1]) { end -= 1 }  // `… Vince Cable and the IFS`
            if labels > 0, (2...3).contains(end - labels), !CandidateNames.institutionWords.contains(words[end - 1]),
               !words[labels..<end].contains(where: { CandidateNames.connectors.contains($0) || CandidateNames.partyLabelWords.contains($0) }) {
                keep(Array(words[..<labels]), afterTitle: false, startsSentence: runStartsSentence)
                index = labels
                afterTitle = true
            }
            while index < words.count {
                let word = words[index]
                let next = index + 1 < words.count ? words[index + 1] : nil
                let titled = CandidateNames.isTitle(word)
                    || ((NameWords.demonyms.contains(word) || CandidateNames.titleModifiers.contains(word)) && next.map(CandidateNames.isTitle) == true)
                if titled, index + 1 < words.count, !CandidateNames.institutionWords.contains(words[words.count - 1]) {
                    keep(part, afterTitle: afterTitle, startsSentence: runStartsSentence && !afterTitle)
                    part = []
                    afterTitle = true
                    // "Secretary of State Mike Pompeo": the office's own words go with the title.
                    if let next, CandidateNames.connectors.contains(next), index + 3 < words.count { index += 3; continue }
                    index += 1
                    continue
                }
                part.append(word)
                index += 1
            }
            keep(part, afterTitle: afterTitle, startsSentence: runStartsSentence && !afterTitle)
        }

        /// Trims one part of a run and keeps it if it is a name.
        mutating func keep(_ part: [String], afterTitle: Bool, startsSentence: Bool) {
            var words = part[...]
            var trimmedFront = afterTitle
            while let first = words.first, CandidateNames.leadingNoise.contains(first) || CandidateNames.calendarWords.contains(first)
                    || CandidateNames.connectors.contains(first) {
                words = words.dropFirst()
                trimmedFront = true
            }
            while let last = words.last, CandidateNames.connectors.contains(last) || CandidateNames.calendarWords.contains(last)
                    || NameWords.postNominals.contains(last) || CandidateNames.isTitle(last) {
                words = words.dropLast()
            }
            guard let last = words.last, !CandidateNames.roles.contains(last) else { return }
            // Contractions ("I'm"), the initialisms of news ("MP", "UTC") and nationalities are never names.
            guard !words.contains(where: { NameWords.isContraction($0) }) else { return }
            if words.count == 1, NameWords.commonAbbreviations.contains(last) { return }
            if words.allSatisfy({ NameWords.demonyms.contains($0) || CandidateNames.connectors.contains($0) }) { return }
            if (2...6).contains(words.count) {
                names.append(words.joined(separator: " "))
            } else if words.count == 1, singleWords, !startsSentence || trimmedFront, last.unicodeScalars.count > 1, !afterPossessiveTitle {
                names.append(last)
            }
        }
    }

    /// `'s` or `’s` at `index`.
    static func isPossessive(_ bytes: [UInt8], after index: Int) -> Bool {
        let rest = bytes[index...]
        return rest.starts(with: [0x27, 0x73]) || rest.starts(with: [0xE2, 0x80, 0x99, 0x73])
    }

    static func isCapitalised(_ first: UInt8, _ word: String) -> Bool {
        (0x41...0x5A).contains(first) || (first >= 0x80 && word.first?.isUppercase == true)
    }

    static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// True when a word ends a sentence: its last character before closing quotes and brackets is . ! ? or :.
    static func endsSentence(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound {
            let byte = bytes[end - 1]
            if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D { end -= 1; continue }  // " ' ) ]
            if end - range.lowerBound >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99 { end -= 3; continue }  // ” ’
            return byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A
        }
        return false
    }

    /// Length of the punctuation character at `index` (ASCII, or curly quotes, dashes and guillemets); 0 for a letter or digit.
    static func punctuationLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) ? 0 : 1 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, (0x90...0xA6).contains(bytes[index + 2]) { return 3 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB { return 2 }
        return 0
    }

    static func punctuationLength(_ bytes: [UInt8], endingAt end: Int) -> Int {
        if bytes[end - 1] < 0x80 { return punctuationLength(bytes, at: end - 1) }
        if end >= 3, punctuationLength(bytes, at: end - 3) == 3 { return 3 }
        if end >= 2, punctuationLength(bytes, at: end - 2) == 2 { return 2 }
        return 0
    }
}
