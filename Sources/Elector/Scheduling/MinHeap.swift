/// A binary min-heap of cycle times: the free times of identical units.
struct MinHeap {
    private(set) var items: [Int]

    init(repeating value: Int, count: Int) { items = Array(repeating: value, count: count) }

    var min: Int { items[0] }

    /// Replaces the minimum with `value` and restores the heap.
    mutating func replaceMin(with value: Int) {
        var i = 0
        let n = items.count
        items[0] = value
        while true {
            let l = 2 * i + 1
            if l >= n { break }
            let r = l + 1
            let c = r < n && items[r] < items[l] ? r : l
            if items[c] >= items[i] { break }
            items.swapAt(i, c)
            i = c
        }
    }
}
