import Foundation

/// The cells of a row as they may be written out (`rejects.csv`): a cell of a column the
/// dataset reads as a number, a date, an id or a word from a fixed list (`DatasetSchema.typed`)
/// as it is, unless it looks personal (`PersonalText`); every other cell (names, emails,
/// titles, partners, agencies, an organiser's own questions, cells past the header) reads
/// `(withheld)`. A blank cell stays blank: it holds nothing to withhold. A priorities cell is
/// the partnership's own words, shown as its message quotes it unless it reaches a person
/// (`PersonalText.quotedVocabulary`).
struct Withholding: Sendable {
    private let shown: Set<Int>
    private let vocabulary: Set<Int>

    init(header: HeaderMap, schema: DatasetSchema) {
        shown = Set(
            schema.columns.indices.filter {
                schema.typed.contains(schema.columns[$0].name) && !schema.personal.contains(schema.columns[$0].name)
            }
            .compactMap { header.fieldIndex[$0] })
        vocabulary = Set(
            schema.columns.indices.filter { schema.columns[$0].name == "priorities" }.compactMap {
                header.fieldIndex[$0]
            }
        )
        .intersection(shown)
    }

    func apply(_ cells: [String]) -> [String] {
        cells.enumerated().map { f, cell in
            if cell.trimmingSpaces.isEmpty { return cell }
            if vocabulary.contains(f) { return PersonalText.reachesPerson(cell) ? PersonalText.withheld : cell }
            return shown.contains(f) && !PersonalText.looksPersonal(cell) ? cell : PersonalText.withheld
        }
    }
}
