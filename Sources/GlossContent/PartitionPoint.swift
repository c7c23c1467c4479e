extension RandomAccessCollection {
    /// The index of the first element for which `isBefore` is false, by binary search, in a
    /// collection where every element for which it is true comes first (a sorted list and
    /// "is less than the key", say). `endIndex` when it holds for all.
    public func partitionPoint(_ isBefore: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = distance(from: startIndex, to: endIndex)
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isBefore(self[middle]) {
                low = index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
