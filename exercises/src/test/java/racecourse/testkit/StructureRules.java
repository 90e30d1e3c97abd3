package racecourse.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads a student's classes of one exercise package for ArchUnit (the tests that live in the same
 * package are in another location and are left out), and holds the rules every exercise shares.
 */
public final class StructureRules {

    private StructureRules() {
    }

    /**
     * The student's classes of the exercise that {@code anchor} (its main class) belongs to, read from
     * where that class was loaded: a folder or a jar, never a scan of the whole class path (which gave
     * different results from run to run). Fails when none of the package's classes can be read.
     */
    public static JavaClasses studentClasses(Class<?> anchor) {
        String exercisePackage = anchor.getPackageName();
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + anchor.getName() + " was loaded from", e);
        }
        ClassFileImporter importer = new ClassFileImporter();
        JavaClasses all = Files.isDirectory(location) ? importer.importPath(location) : importer.importJar(jar(location));
        JavaClasses mine = all.that(JavaClass.Predicates.resideInAPackage(exercisePackage));
        if (mine.isEmpty()) {
            throw new IllegalStateException("no class of " + exercisePackage + " could be read from " + location);
        }
        return mine;
    }

    private static java.util.jar.JarFile jar(Path location) {
        try {
            return new java.util.jar.JarFile(location.toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + location + ": " + e.getMessage(), e);
        }
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
                    // By name, not by class hierarchy: every exception type of java.util.concurrent ends in
                    // "Exception", and a name never depends on how much of the JDK ArchUnit resolved.
                    return !name.equals("java.util.concurrent.TimeUnit") && !name.endsWith("Exception");
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

}
