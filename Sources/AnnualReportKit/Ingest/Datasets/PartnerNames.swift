/// Other spellings of a partner (the configuration's `partners:`), matched ignoring case and spacing.
enum PartnerNames {
    static func key(_ name: String) -> String { name.collapsingSpaces.lowercased() }

    /// Every spelling, the canonical name included, to the canonical name.
    static func lookup(_ partners: [String: [String]]) -> [String: String] {
        var map: [String: String] = [:]
        for (name, spellings) in partners.sorted(by: { $0.key < $1.key }) {
            for spelling in [name] + spellings where map[key(spelling)] == nil {
                map[key(spelling)] = name.collapsingSpaces
            }
        }
        return map
    }
}
