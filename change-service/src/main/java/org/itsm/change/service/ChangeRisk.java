package org.itsm.change.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.RiskAssessment;
import org.itsm.change.domain.RiskLevel;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ProblemDetail;

import io.smallrye.mutiny.Uni;

/** The risk of a change from its assessment answers and the affected services' past failures ({@link RiskAssessment}). */
@ApplicationScoped
public class ChangeRisk {

    private final ChangeRepository changes;

    public ChangeRisk(ChangeRepository changes) {
        this.changes = changes;
    }

    /**
     * Scores the stored answers. An incomplete assessment is refused (422 naming each missing answer), except for an
     * emergency change, which is then treated as HIGH.
     */
    Uni<Void> assess(ChangeRequest change, boolean emergency) {
        RiskAssessment.Answers answers = answersOf(change);
        List<String> missing = answers.missing();
        if (!missing.isEmpty() && !emergency) {
            throw ApiProblem.invalidFields(missing.stream()
                    .map(field -> new ProblemDetail.FieldError(field, "required for the risk assessment")).toList());
        }
        if (!missing.isEmpty()) {
            change.riskScore = null;
            change.riskLevel = RiskLevel.HIGH;
            change.riskReasons = RiskAssessment.UNASSESSED_EMERGENCY;
            return Uni.createFrom().voidItem();
        }
        return changes.pastFailures(change.affectedServiceIds).invoke(failures -> {
            RiskAssessment.Result result = RiskAssessment.assess(answers, failures);
            change.riskScore = result.score();
            change.riskLevel = result.level();
            change.riskReasons = String.join("\n", result.reasons());
        }).replaceWithVoid();
    }

    static RiskAssessment.Answers answersOf(ChangeRequest change) {
        return new RiskAssessment.Answers(change.riskImpact, change.riskComplexity, change.riskBackoutDifficulty,
                change.riskTesting);
    }

    static void setAnswers(ChangeRequest change, RiskAssessment.Answers answers) {
        if (answers == null) {
            return;
        }
        change.riskImpact = answers.impact();
        change.riskComplexity = answers.complexity();
        change.riskBackoutDifficulty = answers.backoutDifficulty();
        change.riskTesting = answers.testing();
    }
}
