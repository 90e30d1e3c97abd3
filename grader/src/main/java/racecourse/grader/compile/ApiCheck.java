package racecourse.grader.compile;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks compiled classes against the contract before anything runs, by reading their bytecode
 * (no student code is loaded or run): a missing or changed member gives one clear line each.
 */
public final class ApiCheck {

    private final Contract contract;

    public ApiCheck(Contract contract) {
        this.contract = contract;
    }

    /** The problems of one exercise's classes; empty when the API matches the contract. */
    public List<String> check(String exercise, Path classes) {
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        List<String> problems = new ArrayList<>();
        for (Contract.Member m : contract.of(exercise)) {
            Optional<JavaClass> owner = imported.stream().filter(c -> c.getName().equals(m.className())).findFirst();
            String simple = m.className().substring(m.className().lastIndexOf('.') + 1);
            if (owner.isEmpty()) {
                if (problems.stream().noneMatch(p -> p.startsWith("class " + simple + " "))) {
                    problems.add("class " + simple + " is missing: the contract needs public class " + m.className());
                }
                continue;
            }
            problem(owner.get(), m).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> problem(JavaClass owner, Contract.Member m) {
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
                return Optional.of(m.display() + " must be public");
            }
            if (m.isStatic() != unit.getModifiers().contains(JavaModifier.STATIC)) {
                return Optional.of(m.display() + (m.isStatic() ? " must be static" : " must not be static"));
            }
            String found = unit.getRawReturnType().getName();
            if (m.returnType() != null && !found.equals(m.returnType())) {
                return Optional.of(m.display() + " must return " + shortName(m.returnType()) + ", found " + shortName(found));
            }
            return Optional.empty();
        }
        if (!sameName.isEmpty()) {
            List<String> params = sameName.get(0).getRawParameterTypes().stream().map(c -> shortName(c.getName())).toList();
            return Optional.of(m.display() + " is missing (found " + m.display().substring(0, m.display().indexOf('('))
                    + "(" + String.join(", ", params) + ") instead: the parameter types are fixed by the contract)");
        }
        return Optional.of(m.display() + " is missing");
    }

    private static String shortName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
