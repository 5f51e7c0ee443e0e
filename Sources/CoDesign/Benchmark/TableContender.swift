/// Something that searches a `SearchTable`: one of the search strategies, or (for tests and
/// reference points) a rule that picks rows itself.
package enum TableContender: Sendable {
    case strategy(SearchStrategy)
    /// `pick(table, rows evaluated so far in order, count)` returns rows to evaluate next;
    /// rows already evaluated are skipped and a short batch is filled with random rows.
    case custom(name: String, pick: @Sendable (SearchTable, [Int], Int) -> [Int])

    package var name: String {
        switch self {
        case .strategy(let s): s.rawValue
        case .custom(let name, _): name
        }
    }
}
