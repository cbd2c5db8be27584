import Testing

@testable import AnnualReportKit

@Suite struct CSVReaderTests {
    @Test func quotedCommasDoubledQuotesAndNewlines() {
        let records = csvRecords("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\nlast,row,here")
        #expect(
            records.map(\.fields) == [
                ["a", "b", "c"], ["x, y", "say \"hi\"", "line1\nline2"], ["last", "row", "here"],
            ])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[2].positions.map(\.column) == [1, 6, 10])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func crlfAndByteOrderMark() {
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("h1,h2\r\n1,2\r\n".utf8))
        #expect(reader.next()?.fields == ["h1", "h2"])
        let second = reader.next()
        #expect(second?.fields == ["1", "2"])
        #expect(second?.line == 2)
        #expect(reader.next() == nil)
    }

    @Test func unterminatedQuoteIsLocatedWhereTheFieldStarts() {
        let records = csvRecords("a,b\n1,\"open\n2,3\n")
        #expect(records.count == 2)
        #expect(records[1].problem == CSVProblem(kind: .unterminatedQuote, position: CSVPosition(line: 2, column: 3)))
    }

    @Test func strayQuotesAreReported() {
        #expect(csvRecords("ab\"c,d\n")[0].problem?.kind == .quoteInUnquotedField)
        #expect(
            csvRecords("\"ab\"c,d\n")[0].problem
                == CSVProblem(kind: .textAfterClosingQuote, position: CSVPosition(line: 1, column: 5)))
    }

    @Test func columnsCountCharactersNotBytes() {
        let records = csvRecords("£1,–2,x\n")
        #expect(records[0].positions.map(\.column) == [1, 4, 7])
    }
}
