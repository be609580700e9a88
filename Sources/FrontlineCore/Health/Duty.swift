/// One recurring task a person logs: what it is for, how often, how long each time.
public struct Duty: Codable, Sendable, Hashable {
    /// What the time goes to.
    public var category: DutyCategory
    /// How often it recurs.
    public var cadence: DutyCadence
    /// Minutes each occurrence takes.
    public var minutesEach: Double
    /// For ad-hoc duties: how many times it happened in the reporting period; ignored otherwise.
    public var occurrencesInPeriod: Int

    public init(category: DutyCategory, cadence: DutyCadence, minutesEach: Double, occurrencesInPeriod: Int = 0) {
        self.category = category
        self.cadence = cadence
        self.minutesEach = minutesEach
        self.occurrencesInPeriod = occurrencesInPeriod
    }

    private enum CodingKeys: String, CodingKey {
        case category, cadence
        case minutesEach = "minutes_each"
        case occurrencesInPeriod = "occurrences_in_period"
    }

    /// Minutes per week this duty takes, by ``DutyCadence/occurrencesPerWeek(adHocOccurrences:periodWeeks:)``.
    public func minutesPerWeek(periodWeeks: Double) -> Double {
        minutesEach * cadence.occurrencesPerWeek(adHocOccurrences: occurrencesInPeriod, periodWeeks: periodWeeks)
    }
}
