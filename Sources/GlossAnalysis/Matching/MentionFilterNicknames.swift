import GlossContent

// A nickname in quotation marks inside a full name: `John J. "Black Jack" Pershing`,
// `Joaquín "El Chapo" Guzmán`. The name is in full, so the surname after it introduces the person.

extension MentionFilter {
    /// Whether the surname `match` ends a full name of its entity with a quoted nickname before it:
    /// the text before it is the rest of the entity's name, a space, a quotation and a space.
    func endsNicknamedName(_ match: EntityMatch, in words: WordsAround) -> Bool {
        let text = words.text
        let name = Array(registry.entities[EntityID(match.entity)].name.utf8)
        let surname = text[match.range]
        guard name.count > surname.count + 1, name.suffix(surname.count).elementsEqual(surname),
              name[name.count - surname.count - 1] == 0x20 else { return false }
        let given = name.prefix(name.count - surname.count - 1)
        // Back over ` "Black Jack" ` to the given names, within a nickname's length.
        var k = match.range.lowerBound - 1
        guard k > 0, text[k] == 0x20 else { return false }
        let close = Self.quotationMark(endingAt: k - 1, in: text)
        guard let close, close.start > 0 else { return false }
        k = close.start - 1
        var open: Int?
        while k > 0, match.range.lowerBound - k < 48, text[k] != 0x0A {
            if let mark = Self.quotationMark(endingAt: k, in: text), mark.start > 0, text[mark.start - 1] == 0x20 {
                open = mark.start
                break
            }
            k -= 1
        }
        guard let open, open - 1 >= given.count else { return false }
        let before = open - 1 - given.count
        return text[before..<(open - 1)].elementsEqual(given) && !words.isWordByte(before: before)
    }

    /// The quotation mark (`"`, `“` or `”`) whose last byte is at `end`.
    static func quotationMark(endingAt end: Int, in text: [UInt8]) -> (start: Int, end: Int)? {
        guard end >= 0, end < text.count else { return nil }
        if text[end] == 0x22 { return (end, end) }
        if end >= 2, text[end - 2] == 0xE2, text[end - 1] == 0x80, text[end] == 0x9C || text[end] == 0x9D { return (end - 2, end) }
        return nil
    }
}
