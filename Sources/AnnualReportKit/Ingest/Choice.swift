/// Matching a cell against a fixed set of spellings, shared by every dataset's reader.
enum Choice {
    /// The value of the first spelling equal to `raw`, ignoring case, spaces, `_` and `-`.
    static func match<T>(_ raw: String, _ options: [(String, T)]) -> T? {
        let key = DatasetSchema.normalize(raw)
        return options.first { DatasetSchema.normalize($0.0) == key }?.1
    }

    /// Each allowed value once, by its first (canonical) spelling: `course, conference`.
    static func allowed<T: Equatable>(_ options: [(String, T)]) -> String {
        var shown: [(String, T)] = []
        for option in options where !shown.contains(where: { $0.1 == option.1 }) { shown.append(option) }
        return shown.map(\.0).joined(separator: ", ")
    }
}
