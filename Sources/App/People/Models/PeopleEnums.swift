/// The values kudos recognise; a small set, so the department speaks one language of recognition.
enum KudosValue: String, Codable, CaseIterable, Sendable {
    case ownership, empathy, expertise, teamwork
    case goingTheExtraMile = "going_the_extra_mile"
}

/// Where kudos came from.
enum KudosSource: String, Codable, CaseIterable, Sendable {
    /// A colleague (an agent).
    case peer
    /// A lead, manager or admin.
    case manager
    /// A customer's thank-you, turned into kudos by a lead.
    case customer
}

/// What a learning entry is about.
enum LearningTopic: String, Codable, CaseIterable, Sendable {
    case product, customer, technique, other
}

/// Where a product insight stands; it moves forward only (an admin may move it back).
enum InsightStatus: String, Codable, CaseIterable, Sendable {
    case new, reviewed, accepted, fixed, declined

    private var step: Int {
        switch self {
        case .new: 0
        case .reviewed: 1
        case .accepted: 2
        case .fixed: 3
        case .declined: 3
        }
    }

    /// Forward along new → reviewed → accepted → fixed (skipping allowed), or declined from any
    /// open state; fixed and declined are final.
    func canMove(to next: InsightStatus) -> Bool {
        guard next != self, self != .fixed, self != .declined else { return false }
        return next == .declined || next.step > step
    }
}

/// The kind of a skill: product knowledge, technical know-how, or the emotional skills that make
/// service an expert profession (seed 004).
enum SkillKind: String, Codable, CaseIterable, Sendable {
    case product, technical, emotional
}

/// Where a special project stands.
enum ProjectStatus: String, Codable, CaseIterable, Sendable {
    case proposed, active, completed, cancelled
}

/// How someone takes part in a project.
enum ProjectRole: String, Codable, CaseIterable, Sendable {
    case volunteer, lead
}

/// A step in someone's career.
enum CareerMoveKind: String, Codable, CaseIterable, Sendable {
    /// Up within the department.
    case promotion
    /// Into another role or department.
    case move
}
