import Foundation
import Testing
import ZIPFoundation

@testable import AnnualReportKit

/// Eventbrite attendee reports as downloaded, linked to training rows by `event_id`.
@Suite struct EventbriteTests {
    static let training = """
        date,title,kind,attendees,event_id
        2022-05-10,Neglect Toolkit,course,,5551001
        2022-06-14,Exploitation Summit,conference,2,5551002
        2021-11-02,Core Safeguarding,course,,5551000

        """
    /// UK headings: mixed-case, padded emails; one person at two events; no-shows; cancellations.
    static let uk = """
        Order no.,Order date,First name,Surname,Email,Quantity,Ticket type,Attendee no.,Event name,Event ID,Attendee status,What is your role?
        1001,2022-04-01,Ann,Archer,ann.archer@example.org,1,General,A1,Neglect Toolkit,5551001,Checked In,Social worker
        1002,2022-04-02,Bob,Baker, Bob.Baker@Example.org ,1,General,A2,Neglect Toolkit,5551001,Attending,Health visitor
        1003,2022-04-03,Cat,Cole,cat@example.org,1,General,A3,Neglect Toolkit,5551001,Not Attending,Teacher
        1004,2022-04-04,Dan,Dale,dan@example.org,1,General,A4,Neglect Toolkit,5551001,checked in,Police
        1005,2022-05-01,Ann,Archer,ANN.ARCHER@example.org,1,General,A5,Exploitation Summit,5551002,Checked In,Social worker
        1006,2022-05-02,Eve,East,eve@example.org,1,General,A6,Exploitation Summit,5551002,Checked In,Nurse
        1007,2022-05-03,Fay,Ford,fay@example.org,1,General,A7,Exploitation Summit,5551002,Refunded,Nurse

        """
    /// US headings for the year before.
    static let us = """
        Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Event Name,Event ID,Attendee Status
        9001,2021-10-01,Gus,Grey,gus@example.org,1,General,B1,Core Safeguarding,5551000,Checked In
        9002,2021-10-02,Hal,Hill,hal@example.org,1,General,B2,Core Safeguarding,5551000,No Show

        """

    func inputs() -> Workdir {
        let dir = Workdir()
        dir.write("training.csv", Self.training)
        dir.write("Attendees report 2022.csv", Self.uk)
        dir.write("exports/attendee-summary-us.csv", Self.us)
        return dir
    }

    @Test func bookingsPerEventAndPerYear() throws {
        let dir = inputs()
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.ledger.map { "\($0.file) \($0.dataset) \($0.read) \($0.used) \($0.rejected)" } == [
                "training.csv training 3 3 0",
                "Attendees report 2022.csv bookings 7 7 0",
                "exports/attendee-summary-us.csv bookings 2 2 0",
            ])
        // Blank attendees come from the register; the summit's 3 agrees with it.
        #expect(input.records.training?.map(\.attendees) == [2, 2, 1])
        #expect(
            input.notes.map(\.description).contains(
                "Attendees report 2022.csv: note: 1 booking is still 'Attending' (or booked) after the event and counted as no-show: the booking system marks attendance only when someone is checked in"
            ))
        let report = try ReportBuilder.build(input)
        #expect(report.year.label == "2022-23")
        let trend = try #require(report.tables.first { $0.id == "bookings-trend" })
        #expect(
            trend.displayRows == [
                ["2021-22", "1", "2", "1", "1", "50.0%", "0", "1"],
                ["2022-23", "2", "5", "4", "1", "20.0%", "2", "3"],
            ])
        let events = try #require(report.tables.first { $0.id == "bookings-events" })
        #expect(
            events.displayRows == [
                ["Neglect Toolkit", "2022-05-10", "3", "2", "1", "1"],
                ["Exploitation Summit", "2022-06-14", "2", "2", "0", "1"],
                ["Total", "", "5", "4", "1", "2"],
            ])
        let section = try #require(report.sections.first { $0.title == "Bookings" })
        #expect(
            section.paragraphs == [
                "Booked events in 2022-23: 5 registrations, 4 attended by 3 people, 1 no-show (20.0%) and 2 cancelled bookings (2021-22: 2 registrations, 1 attended by 1 person, 1 no-show (50.0%) and 0 cancelled bookings)."
            ])
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Attendances") == ["Attendances", "1", "4", "3", "300.0%"])
    }

    /// An export saved with a title row above its header is still recognised by that header.
    @Test func anExportWithATitleRowIsRecognised() throws {
        let dir = Workdir()
        dir.write("training.csv", Self.training)
        dir.write("Attendees report 2022.csv", "Neglect Toolkit attendees, exported 2022-06-01,,\n\n" + Self.uk)
        dir.write("exports/attendee-summary-us.csv", Self.us)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.ledger.map { "\($0.file) \($0.dataset) \($0.read) \($0.used) \($0.rejected)" } == [
                "training.csv training 3 3 0",
                "Attendees report 2022.csv bookings 7 7 0",
                "exports/attendee-summary-us.csv bookings 2 2 0",
            ])
        #expect(
            input.notes.map(\.description).contains {
                $0.hasPrefix(
                    "Attendees report 2022.csv:3: note: the header is on line 3; the row above it (line 1) is a title, not a record, and is not read"
                )
            })
    }

    @Test func noOutputHoldsANameOrAnEmail() throws {
        let dir = inputs()
        // A bad row, so rejects.csv is written too.
        dir.write(
            "late-bookings.csv",
            Self.uk.split(separator: "\n")[0]
                + "\n1010,2022-04-09,Zed,Zulu,zed@example.org,1,General,A9,Neglect Toolkit,5559999,Checked In,Secret answer\n"
        )
        let out = Workdir("out")
        let outcome = try ReportRun(inputs: dir.url, output: out.url, keepGoing: true).build()
        #expect(
            outcome.ingest.errors.map(\.description) == [
                "late-bookings.csv:2:71: error: unknown Event ID '5559999'; expected the event_id of a row in the training files"
            ])
        let written = try #require(outcome.written)
        var texts: [String] = []
        let walker = FileManager.default.enumerator(at: written, includingPropertiesForKeys: nil)!
        for case let url as URL in walker where !url.hasDirectoryPath {
            let data = try Data(contentsOf: url)
            if url.pathExtension == "xlsx" {
                // Every part of the workbook, as its XML text.
                let archive = try Archive(url: url, accessMode: .read)
                for entry in archive {
                    var part = Data()
                    _ = try archive.extract(entry, consumer: { part.append($0) })
                    texts.append(String(decoding: part, as: UTF8.self))
                }
            } else {
                texts.append(String(decoding: data, as: UTF8.self))
            }
        }
        #expect(texts.count == 45)
        for text in texts {
            for secret in ["example.org", "Archer", "Zulu", "Zed", "Secret answer", "Social worker"] {
                #expect(!text.contains(secret), "an output holds '\(secret)'")
            }
        }
        let rejects = try #require(out.read("2022-23/rejects.csv"))
        #expect(rejects.contains("(withheld)"))
    }

    @Test func attendeesThatDisagreeWithTheRegisterAreAnErrorNamingBothFiles() {
        let dir = inputs()
        dir.write(
            "training.csv",
            Self.training.replacingOccurrences(
                of: "Exploitation Summit,conference,2,", with: "Exploitation Summit,conference,30,"))
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "training.csv:3: error: attendees 30 for 'Exploitation Summit' (event_id '5551002') but Attendees report 2022.csv records 2 attended; expected the same figure, or attendees left blank to take the register's"
            ])
    }

    @Test func blankAttendeesWithoutARegisterAreAnError() {
        let dir = Workdir()
        dir.write("training.csv", Self.training)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "training.csv:2: error: attendees left blank for event_id '5551001', and no booking register has that Event ID; expected the attendees, or the event's register",
                "training.csv:4: error: attendees left blank for event_id '5551000', and no booking register has that Event ID; expected the attendees, or the event's register",
            ])
    }

    /// The worked example of docs/inputs.md: another system's export mapped with `columns:`.
    @Test func anotherBookingSystemThroughColumnAliases() throws {
        let dir = Workdir()
        dir.write(
            "annual-report.yaml",
            """
            columns:
              bookings:
                event_id: [Course Ref]
                email: [Learner Email]
                status: [Outcome]
                first_name: [Learner]
            """)
        dir.write("training.csv", "date,title,attendees,event_id\n2022-05-10,Neglect Toolkit,,LMS-17\n")
        dir.write(
            "bookings-lms-2022-23.csv",
            "Course Ref,Learner,Learner Email,Outcome\nLMS-17,Ann Archer,ann@example.org,Attended\nLMS-17,Bob Baker,bob@example.org,Absent\n"
        )
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(input.records.training?.first?.attendees == 1)
        #expect(input.records.bookings?.events.map { [$0.registrations, $0.attended, $0.noShows] } == [[2, 1, 1]])
    }
}
