package racecourse.grader.compile;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import racecourse.testkit.page.Sentences;

/**
 * Checks compiled classes against the contract before anything runs, by reading their bytecode
 * (no student code is loaded or run): a missing or changed member gives one clear line each.
 */
public final class ApiCheck {

    private final Contract contract;

    private final Sentences sentences;

    /** @param sentences the language of the problems it reports */
    public ApiCheck(Contract contract, Sentences sentences) {
        this.contract = contract;
        this.sentences = sentences;
    }

    /** The problems of one exercise's classes; empty when the API matches the contract. */
    public List<String> check(String exercise, Path classes) {
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        List<String> problems = new ArrayList<>();
        Set<String> missingClasses = new HashSet<>();
        for (Contract.Member m : contract.of(exercise)) {
            Optional<JavaClass> owner = imported.stream().filter(c -> c.getName().equals(m.className())).findFirst();
            if (owner.isEmpty()) {
                if (missingClasses.add(m.className())) {
                    problems.add(sentences.say("grader.api.classMissing", shortName(m.className()), m.className()));
                }
                continue;
            }
            problem(owner.get(), m).ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<String> problem(JavaClass owner, Contract.Member m) {
        List<JavaCodeUnit> sameName = new ArrayList<>();
        for (JavaCodeUnit unit : owner.getCodeUnits()) {
            if (unit.getName().equals(m.name())) {
                sameName.add(unit);
            }
        }
        for (JavaCodeUnit unit : sameName) {
            List<String> params = unit.getRawParameterTypes().stream().map(JavaClass::getName).toList();
            if (!params.equals(m.parameters())) {
                continue;
            }
            if (!unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                return Optional.of(sentences.say("grader.api.mustBePublic", m.display()));
            }
            if (m.isStatic() != unit.getModifiers().contains(JavaModifier.STATIC)) {
                return Optional.of(sentences.say(m.isStatic() ? "grader.api.mustBeStatic" : "grader.api.mustNotBeStatic", m.display()));
            }
            String found = unit.getRawReturnType().getName();
            if (m.returnType() != null && !found.equals(m.returnType())) {
                return Optional.of(sentences.say("grader.api.mustReturn", m.display(), shortName(m.returnType()), shortName(found)));
            }
            return Optional.empty();
        }
        if (!sameName.isEmpty()) {
            List<String> params = sameName.get(0).getRawParameterTypes().stream().map(c -> shortName(c.getName())).toList();
            return Optional.of(sentences.say("grader.api.foundInstead", m.display(), m.display().substring(0, m.display().indexOf('(')),
                    String.join(", ", params)));
        }
        return Optional.of(sentences.say("grader.api.missing", m.display()));
    }

    private static String shortName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
