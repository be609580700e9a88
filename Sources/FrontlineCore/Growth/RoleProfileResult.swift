/// One person's team-role profile: how often each role was chosen, and the leading two.
///
/// Ties are broken by the answers themselves, not by a ranking of roles: among roles with the same
/// count, the one chosen on the earliest question (in questionnaire order) comes first.
public struct RoleProfileResult: Sendable, Hashable {
    /// Choices per role; every role is present, possibly with 0.
    public let counts: [TeamRole: Int]
    /// Count ÷ questions × 100, rounded to one decimal.
    public let percentages: [TeamRole: Double]
    /// The role chosen most often.
    public let primary: TeamRole
    /// The next most often chosen role; nil when only one role was ever chosen.
    public let secondary: TeamRole?
    /// Whether primary and secondary were chosen equally often (show both as leading).
    public var isTie: Bool { secondary.map { counts[$0] == counts[primary] } ?? false }

    /// - Parameter chosenRoles: the role of each answer, in questionnaire order; must not be empty.
    init(chosenRoles: [TeamRole]) {
        var counts = Dictionary(uniqueKeysWithValues: TeamRole.allCases.map { ($0, 0) })
        var firstChosen: [TeamRole: Int] = [:]
        for (position, role) in chosenRoles.enumerated() {
            counts[role, default: 0] += 1
            if firstChosen[role] == nil { firstChosen[role] = position }
        }
        let ranked = TeamRole.allCases
            .filter { counts[$0]! > 0 }
            .sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : firstChosen[$0]! < firstChosen[$1]! }
        let total = Double(chosenRoles.count)
        self.counts = counts
        self.percentages = counts.mapValues { (Double($0) / total * 1000).rounded() / 10 }
        self.primary = ranked[0]
        self.secondary = ranked.count > 1 ? ranked[1] : nil
    }
}

/// One answer: a question id and the id of the choice picked.
public struct RoleProfileAnswer: Codable, Sendable, Hashable {
    public var questionID: String
    public var choiceID: String

    public init(questionID: String, choiceID: String) {
        self.questionID = questionID
        self.choiceID = choiceID
    }
}

extension RoleProfileQuestionnaire {
    /// Scores answers given as question id → choice id.
    public func score(answers: [String: String]) throws(RoleProfileError) -> RoleProfileResult {
        try score(answers: answers.map { RoleProfileAnswer(questionID: $0.key, choiceID: $0.value) })
    }

    /// Scores a list of answers, as a form posts them. Refuses an invalid questionnaire, an unknown
    /// question, an unknown choice, a question answered twice, and (listing every one, in
    /// questionnaire order) unanswered questions.
    public func score(answers: [RoleProfileAnswer]) throws(RoleProfileError) -> RoleProfileResult {
        try validate()
        var picked: [String: String] = [:]
        for answer in answers.sorted(by: { $0.questionID < $1.questionID }) {
            guard questions.contains(where: { $0.id == answer.questionID }) else {
                throw .unknownQuestion(answer.questionID)
            }
            guard picked.updateValue(answer.choiceID, forKey: answer.questionID) == nil else {
                throw .answeredTwice(questionID: answer.questionID)
            }
        }
        let unanswered = questions.map(\.id).filter { picked[$0] == nil }
        guard unanswered.isEmpty else { throw .unanswered(unanswered) }
        var chosenRoles: [TeamRole] = []
        for question in questions {
            let choiceID = picked[question.id]!
            guard let choice = question.choices.first(where: { $0.id == choiceID }) else {
                throw .unknownChoice(questionID: question.id, choiceID: choiceID)
            }
            chosenRoles.append(TeamRole(rawValue: choice.role)!)
        }
        return RoleProfileResult(chosenRoles: chosenRoles)
    }
}
