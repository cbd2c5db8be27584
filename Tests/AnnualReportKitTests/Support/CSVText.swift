import Foundation

@testable import AnnualReportKit

/// Reads all CSV records from text.
func csvRecords(_ text: String) -> [CSVRecord] {
    var reader = CSVReader(bytes: Array(text.utf8))
    var records: [CSVRecord] = []
    while let r = reader.next() { records.append(r) }
    return records
}

/// Parses the simple CSV the writers produce into rows of fields.
func parseCSV(_ text: String) -> [[String]] { csvRecords(text).filter { !$0.isBlank }.map(\.fields) }
