import Foundation
import Testing

@testable import AnnualReportKit

@Suite struct AttendanceParallelTests {
    @Test(arguments: [1, 2, 3]) func parallelReadsEqualTheSingleThreadedRead(seed: Int) {
        let dir = Workdir("parallel\(seed)")
        dir.write("attendance-a.csv", messyRegister(rows: 3000, seed: UInt64(seed)))
        dir.write("attendance-b.csv", messyRegister(rows: 1000, seed: UInt64(seed) + 100))
        let files = ["attendance-a.csv", "attendance-b.csv"]
        let one = read(dir, files, workers: 1, chunkSize: 1 << 20)
        #expect(one.ledger.allSatisfy { $0.balances })
        #expect(one.ledger[0].rejected > 0 && one.ledger[0].used > 2000)
        for (workers, chunk) in [(1, 300), (2, 300), (3, 997), (2, 64)] {
            let many = read(dir, files, workers: workers, chunkSize: chunk)
            #expect(many.ledger == one.ledger)
            #expect(many.diagnostics == one.diagnostics)
            #expect(many.rejected == one.rejected)
            #expect(many.events == one.events)
            #expect(many.summary == one.summary)
        }
    }

    @Test func summaryMatchesANaiveCount() {
        let dir = Workdir()
        let text = messyRegister(rows: 2000, seed: 7)
        dir.write("attendance.csv", text)
        let r = read(dir, ["attendance.csv"], workers: 2, chunkSize: 512)
        // Recount from the used rows, via the plain CSV reader.
        let rejectedLines = Set(r.rejected.map(\.line))
        var people: [FinancialYear: Set<String>] = [:]
        var attendances: [FinancialYear: Int64] = [:]
        for record in csvRecords(text).dropFirst() where !record.isBlank && !rejectedLines.contains(record.line) {
            let year = FinancialYear(containing: CalendarDate(parsing: record.fields[1])!)
            if record.fields[8] == "yes" {
                people[year, default: []].insert(record.fields[6])
                attendances[year, default: 0] += 1
            }
        }
        // The comparison runs over every year either side has, so an empty recount cannot pass.
        #expect(people.count == 7)
        #expect(Set(people.keys) == Set(r.summary.years.keys))
        for (year, set) in people {
            #expect(r.summary.years[year]?.people == Int64(set.count))
            #expect(r.summary.years[year]?.attendances == attendances[year])
        }
    }
}
