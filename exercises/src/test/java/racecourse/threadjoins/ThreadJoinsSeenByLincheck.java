package racecourse.threadjoins;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Lets Lincheck's model checker see a {@code join()} on a {@code Thread} subclass. Lincheck follows a join
 * only where the call names {@code java.lang.Thread}, but javac names the variable's type: {@code worker.join()}
 * on a {@code class Worker extends Thread} compiles to a call of {@code Worker.join}, which Lincheck does not
 * follow. It then sees the joining thread wait on a monitor nobody it knows will notify, reports a hang, and
 * leaves its threads parked: a correct design would lose a point and a minute. {@code join} is final in
 * {@code Thread}, so a call that names {@code Thread} instead runs the same method; this rewrites those calls in
 * an exercise's classes before Lincheck instruments them.
 *
 * <p>Only the suites of exercises whose code joins threads under Lincheck use this (pool, parallel), so it
 * lives beside the test kit and counts only in their stability fingerprints.
 */
public final class ThreadJoinsSeenByLincheck implements ClassFileTransformer {

    private static final String THREAD = "java/lang/Thread";
    private static final Set<String> JOIN_DESCRIPTORS = Set.of("()V", "(J)V", "(JI)V");
    private static final int DEEPEST_HIERARCHY = 64;
    private static final Set<String> INSTALLED = new HashSet<>();

    private final String packagePrefix;

    private ThreadJoinsSeenByLincheck(String packagePrefix) {
        this.packagePrefix = packagePrefix;
    }

    /**
     * Rewrites the join calls of every class of {@code packageName}, those already loaded and those still to
     * come. Call it before the first Lincheck run of the suite: Lincheck keeps the first instrumented form of
     * a class for the rest of the JVM.
     */
    public static synchronized void in(String packageName) {
        String prefix = packageName.replace('.', '/') + "/";
        if (!INSTALLED.add(prefix)) {
            return;
        }
        Instrumentation instrumentation = ByteBuddyAgent.install();
        instrumentation.addTransformer(new ThreadJoinsSeenByLincheck(prefix), true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (c.getName().replace('.', '/').startsWith(prefix) && instrumentation.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        if (loaded.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(loaded.toArray(Class<?>[]::new));
        } catch (UnmodifiableClassException e) {
            throw new IllegalStateException("cannot rewrite the join calls of " + packageName, e);
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (className == null || !className.startsWith(packagePrefix)) {
            return null;
        }
        try {
            return rewrite(loader, classFile);
        } catch (RuntimeException e) {
            // A class this cannot read is loaded as it was compiled: Lincheck then judges it as before.
            return null;
        }
    }

    private static byte[] rewrite(ClassLoader loader, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        if (opcode == Opcodes.INVOKEVIRTUAL && method.equals("join") && JOIN_DESCRIPTORS.contains(desc)
                                && !owner.equals(THREAD) && extendsThread(loader, owner)) {
                            changed[0] = true;
                            super.visitMethodInsn(opcode, THREAD, method, desc, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                        }
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    // Reads the superclass chain from the class files, without loading a class in the middle of a transformation.
    static boolean extendsThread(ClassLoader loader, String internalName) {
        String name = internalName;
        for (int depth = 0; depth < DEEPEST_HIERARCHY && name != null && !name.startsWith("["); depth++) {
            if (name.equals(THREAD)) {
                return true;
            }
            if (name.equals("java/lang/Object")) {
                return false;
            }
            name = superNameOf(loader, name);
        }
        return false;
    }

    private static String superNameOf(ClassLoader loader, String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
            return in == null ? null : new ClassReader(in).getSuperName();
        } catch (IOException e) {
            return null;
        }
    }
}
