/// A local date on which the desk is closed all day, such as a public holiday.
///
/// `date` is `yyyy-MM-dd` in the calendar's time zone. A yearly holiday (`recursYearly`)
/// closes the same month and day every year and ignores the year written; a 29 February
/// holiday then only falls in leap years.
public struct Holiday: Sendable, Codable, Hashable {
    /// The local date, `yyyy-MM-dd`.
    public var date: String
    /// Whether the holiday repeats on the same month and day every year.
    public var recursYearly: Bool
    /// What the day is, for people reading the calendar ("Christmas Day").
    public var name: String

    public init(date: String, recursYearly: Bool = false, name: String = "") {
        self.date = date
        self.recursYearly = recursYearly
        self.name = name
    }

    private enum CodingKeys: String, CodingKey {
        case date, name
        case recursYearly = "recurs_yearly"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        date = try container.decode(String.self, forKey: .date)
        recursYearly = try container.decodeIfPresent(Bool.self, forKey: .recursYearly) ?? false
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
    }
}
