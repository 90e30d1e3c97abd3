package racecourse.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaAccess;
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

    /**
     * The structure tests run after an exercise's other test classes (and before its leftover-thread check,
     * {@code @Order(Integer.MAX_VALUE)}): Lincheck re-instruments every class already loaded when its first
     * test starts, and ArchUnit's 1,500 classes loaded before that cost about a second of CPU per test JVM.
     */
    public static final int ORDER = Integer.MAX_VALUE - 1;

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
     * network, files and class loading. Reflection and {@code MethodHandles} are not banned: no rule
     * names them, and {@code MethodHandles.lookup()} is how a {@code VarHandle} is obtained where
     * atomics are allowed.
     */
    public static List<ArchRule> forbiddenApis(String exercisePackage) {
        return List.of(
                noClasses().that().resideInAPackage(exercisePackage)
                        .should().callMethod(System.class, "exit", int.class)
                        .orShould().callMethodWhere(runtimeControl())
                        .because("an exercise never ends or controls the JVM: System.exit and Runtime stop the tests"),
                noClasses().that().resideInAPackage(exercisePackage)
                        .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..",
                                "java.nio.channels..", "sun..", "jdk.internal..")
                        .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class, ClassLoader.class,
                                java.io.File.class, java.io.FileInputStream.class, java.io.FileOutputStream.class,
                                java.io.RandomAccessFile.class)
                        .because("the exercises need no processes, network, files or class loaders; the grader refuses code that"
                                + " reaches outside the exercise"));
    }

    /**
     * No class of {@code java.util.concurrent} (or its subpackages) whose kind is one of {@code kinds}:
     * used as a type, called, or referred to by a method reference, all count.
     */
    public static ArchRule noJavaUtilConcurrent(String exercisePackage, List<ConcurrentKind> kinds, String because) {
        List<String> names = kinds.stream().map(ConcurrentKind::description).toList();
        DescribedPredicate<JavaClass> forbidden = DescribedPredicate.describe("java.util.concurrent " + String.join(", ", names),
                c -> kinds.stream().anyMatch(k -> k.matches(c.getName())));
        return noClasses().that().resideInAPackage(exercisePackage)
                .should().dependOnClassesThat(forbidden)
                .because(because);
    }

    /** The kinds of {@code java.util.concurrent} classes the exercises' rules name, matched by class name. */
    public enum ConcurrentKind {
        QUEUES("queues and deques") {
            @Override
            boolean matchesSimple(String pkg, String simple) {
                return pkg.equals("java.util.concurrent") && (simple.endsWith("Queue") || simple.endsWith("Deque"));
            }
        },
        COLLECTIONS("collections (queues, deques, maps, sets, lists)") {
            @Override
            boolean matchesSimple(String pkg, String simple) {
                return pkg.equals("java.util.concurrent") && (QUEUES.matchesSimple(pkg, simple) || simple.endsWith("Map")
                        || simple.endsWith("Set") || simple.endsWith("List"));
            }
        },
        EXECUTORS("executors (Executor*, *Executor, *ExecutorService), ForkJoin*, FutureTask, CompletableFuture") {
            @Override
            boolean matchesSimple(String pkg, String simple) {
                return pkg.equals("java.util.concurrent") && (simple.startsWith("Executor") || simple.endsWith("ExecutorService")
                        || simple.endsWith("Executor") || simple.startsWith("ForkJoin") || simple.equals("FutureTask")
                        || simple.startsWith("CompletableFuture"));
            }
        },
        /** Narrower than {@link #EXECUTORS}: the {@code Executor} interface itself is allowed. */
        EXECUTOR_SERVICES("executor services (*ExecutorService, Executors, ThreadPoolExecutor, ForkJoinPool), FutureTask,"
                + " CompletableFuture") {
            @Override
            boolean matchesSimple(String pkg, String simple) {
                return pkg.equals("java.util.concurrent") && (simple.endsWith("ExecutorService") || simple.equals("Executors")
                        || simple.endsWith("ThreadPoolExecutor") || simple.equals("ForkJoinPool")
                        || simple.equals("FutureTask") || simple.startsWith("CompletableFuture"));
            }
        },
        SYNCHRONIZERS("synchronizers (CountDownLatch, CyclicBarrier, Semaphore, Phaser, Exchanger)") {
            @Override
            boolean matchesSimple(String pkg, String simple) {
                return pkg.equals("java.util.concurrent") && List.of("CountDownLatch", "CyclicBarrier", "Semaphore", "Phaser",
                        "Exchanger").contains(simple);
            }
        },
        ATOMICS("atomics (java.util.concurrent.atomic, VarHandle)") {
            @Override
            boolean matchesSimple(String pkg, String simple) {
                return pkg.equals("java.util.concurrent.atomic") || pkg.equals("java.lang.invoke") && simple.equals("VarHandle");
            }
        },
        LOCKS("locks (java.util.concurrent.locks, LockSupport included)") {
            @Override
            boolean matchesSimple(String pkg, String simple) {
                return pkg.equals("java.util.concurrent.locks");
            }
        };

        private final String description;

        ConcurrentKind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }

        boolean matches(String className) {
            int dot = className.lastIndexOf('.');
            if (dot < 0) {
                return false;
            }
            String simple = className.substring(dot + 1);
            int nested = simple.indexOf('$');
            return matchesSimple(className.substring(0, dot), nested < 0 ? simple : simple.substring(0, nested));
        }

        abstract boolean matchesSimple(String pkg, String simple);
    }

    /** No Thread.sleep, TimeUnit.sleep, Thread.yield or Thread.onSpinWait, called or referred to: waiting is wait()/await(). */
    public static ArchRule noSleepingOrSpinning(String exercisePackage) {
        DescribedPredicate<JavaAccess<?>> sleepOrSpin = DescribedPredicate.describe(
                "Thread.sleep/yield/onSpinWait or TimeUnit.sleep",
                access -> {
                    String owner = access.getTargetOwner().getName();
                    String name = access.getName();
                    return owner.equals(Thread.class.getName()) && Set.of("sleep", "yield", "onSpinWait").contains(name)
                            || owner.equals(java.util.concurrent.TimeUnit.class.getName()) && name.equals("sleep");
                });
        return noClasses().that().resideInAPackage(exercisePackage)
                .should().accessTargetWhere(sleepOrSpin)
                .because("a thread that sleeps or spins to wait either wastes a core or reacts late; block in"
                        + " wait()/await() and let the thread that changes the state wake you");
    }

    /** No call or method reference to a method named one of {@code names} on a type assignable to {@code owner}. */
    public static ArchRule noMethods(String exercisePackage, Class<?> owner, Set<String> names, String description,
            String because) {
        DescribedPredicate<JavaAccess<?>> forbidden = DescribedPredicate.describe(description,
                access -> access.getTargetOwner().isAssignableTo(owner) && names.contains(access.getName()));
        return noClasses().that().resideInAPackage(exercisePackage)
                .should().accessTargetWhere(forbidden)
                .because(because);
    }

    private static DescribedPredicate<JavaMethodCall> runtimeControl() {
        Set<String> names = Set.of("exit", "halt", "exec", "addShutdownHook", "load", "loadLibrary");
        return DescribedPredicate.describe("Runtime.exit/halt/exec/addShutdownHook/load",
                call -> call.getTargetOwner().isEquivalentTo(Runtime.class) && names.contains(call.getName()));
    }

}
