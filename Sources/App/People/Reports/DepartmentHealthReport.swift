import Fluent
import FrontlineCore
import Vapor

/// "A customer service department, or an office management department?" for a scope and period.
///
/// Each person's split comes from their duty log (FrontlineCore `TimeSplit`: daily ×5, weekly ×1,
/// monthly ×12/52 per week, ad-hoc occurrences ÷ the period's weeks) plus their ticket work (see
/// `TicketWork`), all in minutes per week. A duty counts in a period when it had started by the
/// period's last day and had not ended before its first. The verdict is the core's: on the service
/// share, customer ÷ (customer + office + other), so coaching and development neither help nor hurt.
struct DepartmentHealthReport {
    let scope: ReportScope
    let period: ReportPeriod
    let settings: DepartmentHealthSettings
    let db: any Database

    func build() async throws -> DepartmentHealthDTO {
        let ids = scope.ids
        let duties = try await ids.isEmpty ? [] : LoggedDuty.query(on: db).filter(\.$userId ~~ ids).all()
        let adHocIds = try duties.filter { $0.cadence == .adHoc }.map { try $0.requireID() }
        let earliest = period.previous(4).from
        let occurrences = try await adHocIds.isEmpty ? [] : DutyOccurrence.query(on: db)
            .filter(\.$dutyId ~~ adHocIds).filter(\.$on >= earliest).filter(\.$on <= period.to).all()
        let occurrencesByDuty = Dictionary(grouping: occurrences, by: \.dutyId)
        let ownTeams = Set(try await Team.query(on: db).all().map { $0.name.lowercased() })

        let (current, ticketMinutes) = try await health(in: period, duties: duties, occurrences: occurrencesByDuty)
        var people: [DepartmentHealthDTO.Split] = []
        for person in scope.people {
            let id = try person.requireID()
            people.append(.init(
                userId: id, name: person.name, split: current.people[id.uuidString] ?? TimeSplit(),
                ticketMinutesPerWeek: (ticketMinutes[id] ?? 0) / period.weeks, thresholds: settings.thresholds))
        }
        var trend: [DepartmentHealthDTO.TrendPoint] = []
        for back in (1...4).reversed() {
            let earlier = period.previous(back)
            let (health, _) = try await health(in: earlier, duties: duties, occurrences: occurrencesByDuty)
            trend.append(.init(from: earlier.from, to: earlier.to, split: health.department, thresholds: settings.thresholds))
        }
        return DepartmentHealthDTO(
            from: period.from, to: period.to, days: period.days, weeks: Rounded.minutes(period.weeks), teamId: scope.teamId,
            settings: settings, people: people,
            total: .init(userId: nil, name: "Total", split: current.department,
                         ticketMinutesPerWeek: ticketMinutes.values.reduce(0, +) / period.weeks, thresholds: settings.thresholds),
            handedOver: try handedOver(duties: duties, occurrences: occurrencesByDuty, ownTeams: ownTeams),
            coaching: try await CoachingFigures.compute(scope: scope, period: period, settings: settings, on: db),
            trend: trend)
    }

    /// The core's duties of one person's log for a period.
    private func coreDuties(_ duties: [LoggedDuty], in period: ReportPeriod, occurrences: [UUID: [DutyOccurrence]]) throws -> [Duty] {
        var result: [Duty] = []
        for duty in duties where duty.isActive(in: period) {
            if duty.cadence == .adHoc {
                for occurrence in occurrences[try duty.requireID()] ?? [] where period.contains(occurrence.on) {
                    result.append(Duty(
                        category: duty.category, cadence: .adHoc,
                        minutesEach: Double(occurrence.minutes ?? duty.minutes), occurrencesInPeriod: 1))
                }
            } else {
                result.append(Duty(category: duty.category, cadence: duty.cadence, minutesEach: Double(duty.minutes)))
            }
        }
        return result
    }

    private func health(
        in period: ReportPeriod, duties: [LoggedDuty], occurrences: [UUID: [DutyOccurrence]]
    ) async throws -> (DepartmentHealth, [UUID: Double]) {
        let ticketMinutes = try await TicketWork.minutesByPerson(scope.ids, from: period.start, to: period.end, settings: settings, on: db)
        let byPerson = Dictionary(grouping: duties, by: \.userId)
        let people = try scope.ids.map { id in
            DepartmentHealth.Person(
                personID: id.uuidString, duties: try coreDuties(byPerson[id] ?? [], in: period, occurrences: occurrences),
                ticketWorkMinutesInPeriod: ticketMinutes[id] ?? 0)
        }
        return (DepartmentHealth(people: people, periodWeeks: period.weeks, thresholds: settings.thresholds), ticketMinutes)
    }

    /// Office duties other departments handed over, by department, in minutes per week.
    private func handedOver(
        duties: [LoggedDuty], occurrences: [UUID: [DutyOccurrence]], ownTeams: Set<String>
    ) throws -> [DepartmentHealthDTO.HandedOver] {
        var byDepartment: [String: [DepartmentHealthDTO.HandedOverDuty]] = [:]
        for duty in duties where duty.category == .office && duty.isActive(in: period) {
            guard let department = duty.requestedBy, !ownTeams.contains(department.lowercased()) else { continue }
            let perWeek = try coreDuties([duty], in: period, occurrences: occurrences)
                .reduce(0) { $0 + $1.minutesPerWeek(periodWeeks: period.weeks) }
            // An ad-hoc duty that did not happen in the period handed nothing over.
            guard perWeek > 0 else { continue }
            byDepartment[department, default: []].append(.init(
                dutyId: try duty.requireID(), userId: duty.userId, name: duty.name, minutesPerWeek: Rounded.minutes(perWeek)))
        }
        return byDepartment.map { department, duties in
            .init(department: department, minutesPerWeek: Rounded.minutes(duties.reduce(0) { $0 + $1.minutesPerWeek }),
                  duties: duties.sorted { $0.name < $1.name })
        }.sorted { $0.minutesPerWeek != $1.minutesPerWeek ? $0.minutesPerWeek > $1.minutesPerWeek : $0.department < $1.department }
    }
}
