extension RoleProfileQuestionnaire {
    /// Checks the questionnaire: version 1 or more; each of the four roles described exactly once;
    /// at least one question; unique question ids; non-blank texts; exactly four choices per
    /// question with unique ids, one for each role. Throws the first problem found.
    public func validate() throws(RoleProfileError) {
        guard version >= 1 else { throw .badVersion(version) }
        var described = Set<TeamRole>()
        for role in roles {
            guard let known = TeamRole(rawValue: role.id) else { throw .unknownRole(role.id) }
            guard described.insert(known).inserted else { throw .duplicateRole(role.id) }
        }
        if let missing = TeamRole.allCases.first(where: { !described.contains($0) }) { throw .missingRole(missing) }
        guard !questions.isEmpty else { throw .noQuestions }
        var questionIDs = Set<String>()
        for question in questions {
            guard questionIDs.insert(question.id).inserted else { throw .duplicateQuestion(question.id) }
            guard !Self.isBlank(question.text), !question.choices.contains(where: { Self.isBlank($0.text) }) else {
                throw .blankText(questionID: question.id)
            }
            guard question.choices.count == 4 else {
                throw .wrongChoiceCount(questionID: question.id, count: question.choices.count)
            }
            var choiceIDs = Set<String>(), covered = Set<TeamRole>()
            for choice in question.choices {
                guard choiceIDs.insert(choice.id).inserted else {
                    throw .duplicateChoice(questionID: question.id, choiceID: choice.id)
                }
                guard let role = TeamRole(rawValue: choice.role) else {
                    throw .unknownChoiceRole(questionID: question.id, role: choice.role)
                }
                covered.insert(role)
            }
            if let missing = TeamRole.allCases.first(where: { !covered.contains($0) }) {
                throw .roleNotCovered(questionID: question.id, role: missing)
            }
        }
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
