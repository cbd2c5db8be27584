import Foundation
import Testing

@testable import AnnualReportKit

/// Long numbers Excel shortened into scientific notation (the trial's f10b): an error that
/// says so and how to keep the number, one line per cause in the terminal.
@Suite struct ExcelShortenedTests {
    static let attendees = """
        Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Attendee Status,Event Name,Event ID,Job Title
        5000,6/1/2023 9:15,Ann,Lee,ann.lee@nhs.net,1,General,700,Checked In,Working with Fathers,612345678901,Nurse
        5001,6/1/2023 9:15,Bo,Kim,bo.kim@wyvern.gov.uk,1,General,701,Checked In,Working with Fathers,612345678901,Nurse
        5002,6/1/2023 9:15,Cy,Fox,cy.fox@police.uk,1,General,702,Attending,Working with Fathers,612345678901,Nurse
        5003,6/1/2023 9:15,Di,Ray, DI.RAY@nhs.net,1,General,703,Checked In,Working with Fathers,612345678901,Nurse

        """

    func read(_ files: [String: String]) -> IngestResult {
        let dir = Workdir()
        for (name, text) in files { dir.write(name, text) }
        return InputFolder.read(dir.url)
    }

    /// The training file holds the id shortened, the register in full: the training row's error
    /// and one line for the four bookings, naming the cell to correct; not five errors.
    @Test func anIdShortenedInTheTrainingFileIsOneLineForItsBookings() {
        let input = read([
            "training-2023-24.csv": """
            Date,Event Title,Kind,Priorities,Attendees,Format,Eventbrite Event ID,Places
            15/06/2023,Working with Fathers,course,Safeguarding Babies,,virtual,6.12346E+11,40

            """,
            "report-attendees.csv": Self.attendees,
        ])
        let errors = DiagnosticDigest.lines(input.diagnostics).filter { $0.contains(": error: ") }
        #expect(
            errors == [
                "report-attendees.csv: error: 4 bookings for Event ID '612345678901', which no training row has: training-2023-24.csv:2:69 holds '6.12346E+11', this id as Excel shortened it into scientific notation; expected the id in full there (format the column as Text before typing or pasting into it, or export the file again), and the bookings will find their event",
                "training-2023-24.csv:2:69: error: '6.12346E+11' in 'Eventbrite Event ID' is a long number Excel shortened into scientific notation (its last digits are lost); expected the id in full: format the column as Text before typing or pasting into it, or export the file again",
            ])
        #expect(DiagnosticDigest.errorCount(input.diagnostics) == 2)
        // The data-quality section keeps every booking's own error.
        #expect(input.errors.filter { $0.file == "report-attendees.csv" && $0.line > 0 }.map(\.line) == [2, 3, 4, 5])
    }

    /// Shortened in the register itself: one line for the file's column, with a count.
    @Test func idsShortenedInARegisterAreOneLine() {
        let input = read([
            "training-2023-24.csv": "date,title,attendees,event_id\n15/06/2023,Working with Fathers,,612345678901\n",
            "report-attendees.csv": Self.attendees.replacingOccurrences(of: ",612345678901,", with: ",6.12346E+11,"),
        ])
        let errors = DiagnosticDigest.lines(input.diagnostics).filter { $0.contains(": error: ") }
        #expect(
            errors == [
                "report-attendees.csv: error: 4 cells in 'Event ID' hold long numbers Excel shortened into scientific notation, such as '6.12346E+11' (line 2), so their last digits are lost; expected them in full: format the column as Text before typing or pasting into it, or export the file again",
                "training-2023-24.csv:2: error: attendees left blank for event_id '612345678901', and no booking register has that Event ID; expected the attendees, or the event's register",
            ])
    }

    @Test func aCountOrAReferenceShortenedIsAnErrorSayingSo() {
        let input = read([
            "training.csv": "date,title,attendees\n2023-06-15,Working with Fathers,4.5E+03\n",
            "reviews.csv": "reference,type,date\n1.23457E+11,rapid review,2023-06-01\n",
        ])
        #expect(
            input.errors.map(\.description) == [
                "reviews.csv:2:1: error: '1.23457E+11' in 'reference' is a long number Excel shortened into scientific notation (its last digits are lost); expected the id in full: format the column as Text before typing or pasting into it, or export the file again",
                "training.csv:2:33: error: '4.5E+03' in 'attendees' is a number in Excel's scientific notation (its last digits may be lost); expected the whole number: format the column as Text before typing or pasting into it, or export the file again",
            ])
    }

    @Test func theShortenedForm() {
        for text in ["6.12346E+11", "4.5E+03", "1E+12", "6,12346E+11", "6.12346e+11"] {
            #expect(ExcelShortened.isShortened(text), "\(text)")
        }
        for text in [
            "612345678901", "6.12346E11", "6.12346E-05", "E+11", "12.5E+03", "dQw4w9WgXcQ", "6.E+11", "6.1E+1234",
        ] {
            #expect(!ExcelShortened.isShortened(text), "\(text)")
        }
        #expect(ExcelShortened.shortens("612345678901", to: "6.12346E+11"))
        #expect(ExcelShortened.shortens("612345000000", to: "6.12345E+11"))
        #expect(!ExcelShortened.shortens("612345678901", to: "6.12345E+11"))
        #expect(!ExcelShortened.shortens("61234567890", to: "6.12346E+11"))
    }
}
