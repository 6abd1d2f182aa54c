extension AnalyzedText {
    /// Hits of one literal that start inside `range`, by binary search: recognizers ask
    /// this once per sentence or candidate, so a linear scan over a 1M-character unit's
    /// hits would make them quadratic. Hits of one literal share its length and come
    /// sorted by end, hence also by start.
    func hits(of literal: Int32, startingIn range: Range<Int>) -> ArraySlice<AhoCorasick.Hit> {
        let all = hits(of: literal)
        guard !all.isEmpty else { return [] }
        var lo = 0, hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].start < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < all.count && all[end].start < range.upperBound { end += 1 }
        return all[lo..<end]
    }
}

extension Array where Element == Detection {
    /// Detections whose normalized range lies inside `range`, for arrays sorted by start.
    func inside(_ range: Range<Int>) -> ArraySlice<Detection> {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].normalizedRange.lowerBound < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < count && self[end].normalizedRange.lowerBound < range.upperBound { end += 1 }
        return self[lo..<end]
    }
}
