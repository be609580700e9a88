/// The "service or office management?" report for a department: each person's split, the
/// department's summed split and its verdict.
public struct DepartmentHealth: Sendable, Hashable {
    /// One person's duty log for the reporting period.
    public struct Person: Sendable, Hashable {
        /// The person's user id in the desk.
        public var personID: String
        /// The duties they logged.
        public var duties: [Duty]
        /// Minutes spent on tickets in the period, counted as customer time.
        public var ticketWorkMinutesInPeriod: Double

        public init(personID: String, duties: [Duty], ticketWorkMinutesInPeriod: Double = 0) {
            self.personID = personID
            self.duties = duties
            self.ticketWorkMinutesInPeriod = ticketWorkMinutesInPeriod
        }
    }

    /// Each person's weekly split, by person id.
    public let people: [String: TimeSplit]
    /// The department's weekly split: the sum of everyone's minutes.
    public let department: TimeSplit
    /// The department's verdict; nil when no customer, office or other time is logged.
    public let verdict: HealthVerdict?

    /// - Parameter periodWeeks: the reporting period in weeks, used for ad-hoc duties and ticket work.
    public init(people: [Person], periodWeeks: Double, thresholds: HealthThresholds = .standard) {
        var splits: [String: TimeSplit] = [:]
        for person in people {
            let split = TimeSplit(
                duties: person.duties, periodWeeks: periodWeeks,
                ticketWorkMinutesInPeriod: person.ticketWorkMinutesInPeriod)
            // The same person listed twice (two logs) counts once, with both logs' minutes.
            splits[person.personID, default: TimeSplit()] = splits[person.personID, default: TimeSplit()] + split
        }
        self.people = splits
        department = TimeSplit.total(Array(splits.values))
        verdict = department.verdict(thresholds: thresholds)
    }
}
