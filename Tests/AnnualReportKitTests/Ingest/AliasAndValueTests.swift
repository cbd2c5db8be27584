import Foundation
import Testing

@testable import AnnualReportKit

/// The configuration's `columns:` and `partners:`, and the value forms offices write.
@Suite struct AliasAndValueTests {
    @Test func columnAliasesAndPartnerSpellingsFromTheConfiguration() throws {
        let dir = Workdir()
        dir.write(
            "annual-report.yaml",
            """
            columns:
              training:
                attendees: [Headcount]
            partners:
              Leicestershire County Council: [LCC, Leics CC]
            """)
        dir.write("training.csv", "Date,Course,Headcount\n1 April 2022,Neglect,12\n")
        dir.write(
            "finance.csv",
            "year,type,partner,amount\n2021-22,contribution,LCC,100\n2022-23,contribution,Leicestershire  County Council,110\n"
        )
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(input.records.training?.first?.attendees == 12)
        let report = try ReportBuilder.build(input)
        let income = try #require(report.tables.first { $0.id == "finance-contributions" })
        #expect(
            income.display("Leicestershire County Council") == [
                "Leicestershire County Council", "£100", "£110", "£10", "10.0%", "100%",
            ])
    }

    @Test func anUnknownHeaderThatAnAliasWouldFixSaysWhichLinesToAdd() {
        let dir = Workdir()
        dir.write("training.csv", "Date,Course,No. of people attended\n2022-04-01,Neglect,12\n")
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                """
                training.csv:1: error: missing required column 'attendees'; expected a header naming one of: attendees, attended, delegates, attendance, number attended, no attended, no. attended, attendees number, no. of delegates, number of delegates, delegates attended. If 'No. of people attended' is that column, add these lines to annual-report.yaml:
                    columns:
                      training:
                        attendees: [No. of people attended]
                """
            ])
    }

    @Test func datesAsOfficesWriteThem() {
        let forms = [
            "2022-04-01", "2022/04/01", "01/04/2022", "1/4/2022", "1 April 2022", "01 Apr 2022", "01-Apr-22",
            "1-apr-2022", "01-04-22",
            "Fri 1 April 2022", "01/04/2022 09:30",
        ]
        for form in forms { #expect(CalendarDate(parsing: form)?.description == "2022-04-01", "\(form)") }
        for bad in ["2022-4-1", "01-04-2", "Sat 1 April 2022", "31/02/2022", "1 Foo 2022", "April 1, 2022", "44652"] {
            #expect(CalendarDate(parsing: bad) == nil, "\(bad)")
        }
        #expect(CalendarDate(excelSerial: "44652")?.description == "2022-04-01")
        #expect(CalendarDate(excelSerial: "44830")?.description == "2022-09-26")
        #expect(CalendarDate(excelSerial: "61")?.description == "1900-03-01")
        #expect(CalendarDate(excelSerial: "60") == nil)
    }

    @Test func anExcelSerialDateIsReadWithANote() {
        let dir = Workdir()
        dir.write("training.csv", "date,title,attendees\n44830,Neglect,12\n44831,Core,10\n")
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty)
        #expect(input.records.training?.map(\.date.description) == ["2022-09-26", "2022-09-27"])
        #expect(
            input.notes.map(\.description) == [
                "training.csv:2:1: note: read 2 numbers such as '44830' in column 'date' as Excel serial dates (44830 is 2022-09-26); expected dates such as 2022-09-26, so check the column was exported as dates"
            ])
    }

    @Test func moneyAsOfficesWriteIt() {
        let cases: [(String, Int64)] = [
            ("£(1,000.00)", -100_000), ("(£1,000.00)", -100_000), ("(1,000)", -100_000),
            ("-£1,000", -100_000), (" £ -   ", 0), ("-", 0), (" £ 1,234.50 ", 123_450),
            ("£102,496", 10_249_600),
        ]
        for (text, pence) in cases { #expect(Money(parsing: text)?.pence == pence, "\(text)") }
        for bad in ["£1,2345", "£(1,000", "1.234", "--5", "(-5)"] { #expect(Money(parsing: bad) == nil, "\(bad)") }
    }

    @Test func yearsAsPeopleTypeThem() {
        for form in ["2022-23", "2022/23", "2022-2023", "22-23", "22/23", "FY2022-23", "fy22-23", "FY 2022/23"] {
            #expect(FinancialYear(loose: form)?.label == "2022-23", "\(form)")
        }
        for bad in ["22-24", "FY", "2022", "23-22"] { #expect(FinancialYear(loose: bad) == nil, "\(bad)") }
    }

    @Test func aRegisterSessionAndATrainingConferenceOnTheSameDayAndTitleAreOneEvent() {
        let dir = Workdir()
        dir.write("training.csv", "date,title,kind,attendees\n2022-06-10,Exploitation Summit,conference,2\n")
        dir.write(
            "attendance.csv",
            """
            session_id,date,title,delegate_id,attended
            S1,2022-06-10,Exploitation Summit,D1,yes
            S1,2022-06-10,Exploitation Summit,D2,yes
            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "training.csv:2: error: training event 'Exploitation Summit' on 2022-06-10 is also a session of attendance.csv:2; expected each session in training or in attendance, not both"
            ])
    }
}
