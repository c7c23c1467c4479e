/// A text as the set of its word n-grams ("shingles", hashed), for measuring how much two texts
/// share: near-duplicate detection and matching a page's JSON-LD text to its elements.
struct TextShingles: Sendable {
    let hashes: Set<UInt64>

    init(_ text: String, size: Int = 4) {
        let words = LineShape.tokenize(text)
        let n = max(1, min(size, words.count))
        var hashes: Set<UInt64> = []
        if words.count >= n {
            for start in 0...(words.count - n) {
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a, 64 bits: stable across runs and machines
                for word in words[start..<(start + n)] {
                    for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
                    hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3
                }
                hashes.insert(hash)
            }
        }
        self.hashes = hashes
    }

    var isEmpty: Bool { hashes.isEmpty }

    func shared(with other: TextShingles) -> Int {
        hashes.count <= other.hashes.count ? hashes.filter(other.hashes.contains).count : other.hashes.filter(hashes.contains).count
    }

    /// Shared shingles over all distinct ones (1 for the same text).
    func jaccard(_ other: TextShingles) -> Double {
        let common = shared(with: other)
        let union = hashes.count + other.hashes.count - common
        return union == 0 ? 1 : Double(common) / Double(union)
    }

    /// F1 of `other` as an extraction of this text: precision over its shingles, recall over ours.
    func f1(_ other: TextShingles) -> Double {
        let common = Double(shared(with: other))
        guard common > 0 else { return 0 }
        let precision = common / Double(other.hashes.count), recall = common / Double(hashes.count)
        return 2 * precision * recall / (precision + recall)
    }
}
