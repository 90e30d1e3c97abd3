package racecourse.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/**
 * Loads a student's classes of one exercise package for ArchUnit (the tests that live in the same
 * package are left out), and holds the rules every exercise shares.
 */
public final class StructureRules {

    private StructureRules() {
    }

    /** The classes of {@code exercisePackage} that are not part of the test suites. */
    public static JavaClasses studentClasses(String exercisePackage) {
        String testLocation = testCodeLocation();
        ImportOption notTestCode = (Location location) -> {
            String uri = location.asURI().toString();
            return !(uri.startsWith("jar:") ? uri.substring(4) : uri).startsWith(testLocation);
        };
        return new ClassFileImporter().withImportOption(notTestCode).importPackages(exercisePackage);
    }

    /**
     * APIs no exercise needs and a grader must not let run: leaving the JVM, other processes, the
     * network, files, reflection and class loading.
     */
    public static List<ArchRule> forbiddenApis(String exercisePackage) {
        return List.of(
                noClasses().that().resideInAPackage(exercisePackage)
                        .should().callMethod(System.class, "exit", int.class)
                        .orShould().callMethodWhere(runtimeControl())
                        .because("an exercise never ends or controls the JVM: System.exit and Runtime stop the tests"),
                noClasses().that().resideInAPackage(exercisePackage)
                        .should().dependOnClassesThat().resideInAnyPackage("java.lang.reflect..", "java.net..", "java.nio.file..",
                                "java.nio.channels..", "sun..", "jdk.internal..")
                        .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class, ClassLoader.class,
                                java.io.File.class, java.io.FileInputStream.class, java.io.FileOutputStream.class,
                                java.io.RandomAccessFile.class, java.lang.invoke.MethodHandles.class)
                        .because("the exercises need no reflection, processes, network or files; the grader refuses code that"
                                + " reaches outside the exercise"));
    }

    /**
     * Only {@code java.util.concurrent.locks} (Lock, Condition, but not LockSupport), TimeUnit and
     * exception types from {@code java.util.concurrent}: no ready-made queues, synchronizers or
     * executors; atomics too when {@code allowAtomics} is false.
     */
    public static ArchRule onlyLocksFromJavaUtilConcurrent(String exercisePackage, boolean forbidAtomics) {
        DescribedPredicate<JavaClass> readyMade = DescribedPredicate.describe(
                forbidAtomics ? "java.util.concurrent classes other than locks, TimeUnit and exceptions"
                        : "java.util.concurrent classes other than locks, atomics, TimeUnit and exceptions",
                c -> {
                    String name = c.getName();
                    if (!name.startsWith("java.util.concurrent.")) {
                        return false;
                    }
                    if (name.startsWith("java.util.concurrent.locks.")) {
                        return name.startsWith("java.util.concurrent.locks.LockSupport");
                    }
                    if (name.startsWith("java.util.concurrent.atomic.")) {
                        return forbidAtomics;
                    }
                    return !name.equals("java.util.concurrent.TimeUnit") && !c.isAssignableTo(Throwable.class);
                });
        return noClasses().that().resideInAPackage(exercisePackage)
                .should().dependOnClassesThat(readyMade)
                .because("the point of this exercise is to build the waiting yourself from synchronized + wait/notifyAll"
                        + " or Lock + Condition; ready-made queues, latches, semaphores or executors would do it for you");
    }

    /** No Thread.sleep, TimeUnit.sleep, Thread.yield, Thread.onSpinWait or LockSupport: waiting is wait()/await(). */
    public static ArchRule noSleepingOrSpinning(String exercisePackage) {
        DescribedPredicate<JavaMethodCall> sleepOrSpin = DescribedPredicate.describe(
                "Thread.sleep/yield/onSpinWait, TimeUnit.sleep or LockSupport",
                call -> {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    return owner.equals(Thread.class.getName()) && Set.of("sleep", "yield", "onSpinWait").contains(name)
                            || owner.equals(java.util.concurrent.TimeUnit.class.getName()) && name.equals("sleep")
                            || owner.equals(java.util.concurrent.locks.LockSupport.class.getName());
                });
        return noClasses().that().resideInAPackage(exercisePackage)
                .should().callMethodWhere(sleepOrSpin)
                .because("a thread that sleeps or spins to wait either wastes a core or reacts late; block in"
                        + " wait()/await() and let the thread that changes the state wake you");
    }

    private static DescribedPredicate<JavaMethodCall> runtimeControl() {
        Set<String> names = Set.of("exit", "halt", "exec", "addShutdownHook", "load", "loadLibrary");
        return DescribedPredicate.describe("Runtime.exit/halt/exec/addShutdownHook/load",
                call -> call.getTargetOwner().isEquivalentTo(Runtime.class) && names.contains(call.getName()));
    }

    private static String testCodeLocation() {
        try {
            return StructureRules.class.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the test classes are loaded from", e);
        }
    }
}
