package racecourse.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The student's {@code ThreadPool}, loaded a second time apart from the copy the suites use, with every call to
 * {@code Thread.start()} in the pool's classes going through {@link HeldBackStarts} first. It is used through the
 * contract's public constructor and methods only (by reflection: its classes are not the suites' classes).
 */
final class HeldBackPool {

    private static final String PACKAGE = "racecourse/pool/";
    private static final String THREAD = "java/lang/Thread";
    private static final String HOOK = Type.getInternalName(HeldBackStarts.class);
    private static final int DEEPEST_HIERARCHY = 64;

    private final Object pool;
    private final Method submit;
    private final Method close;

    private HeldBackPool(Object pool, Method submit, Method close) {
        this.pool = pool;
        this.submit = submit;
        this.close = close;
    }

    /** Pools built from one loading of the student's classes. */
    static final class Copy {
        private final Constructor<?> constructor;
        private final Method submit;
        private final Method close;

        private Copy(Class<?> threadPool) throws NoSuchMethodException {
            this.constructor = threadPool.getConstructor(int.class);
            this.submit = threadPool.getMethod("submit", Callable.class);
            this.close = threadPool.getMethod("close");
        }

        HeldBackPool newPool(int maxWorkers) {
            try {
                return new HeldBackPool(constructor.newInstance(maxWorkers), submit, close);
            } catch (InvocationTargetException e) {
                throw rethrown(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build the held-back copy of ThreadPool", e);
            }
        }
    }

    /** Loads the student's pool classes again, from where the suites' {@link ThreadPool} came from. */
    static Copy load() {
        URL location = ThreadPool.class.getProtectionDomain().getCodeSource().getLocation();
        try {
            Loader loader = new Loader(location, HeldBackPool.class.getClassLoader());
            return new Copy(Class.forName(ThreadPool.class.getName(), true, loader));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load a second copy of ThreadPool from " + location, e);
        }
    }

    /** {@code submit(task)}: true when the pool accepted it, false when it refused it as shut down. */
    boolean submit(Callable<?> task) {
        try {
            submit.invoke(pool, task);
            return true;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RejectedExecutionException) {
                return false;
            }
            throw rethrown(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    void close() {
        try {
            close.invoke(pool);
        } catch (InvocationTargetException e) {
            throw rethrown(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException rethrown(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    /**
     * Defines the classes of the pool's own package found where the student's classes are (nothing else, so the
     * suites' classes and the hook come from the parent), their {@code Thread.start()} calls rewritten.
     */
    private static final class Loader extends ClassLoader {

        private final URLClassLoader studentFiles;

        Loader(URL location, ClassLoader parent) {
            super("held-back-pool", parent);
            // Reads class files only; its parent is the boot loader, so it finds no class of the suites.
            this.studentFiles = new URLClassLoader(new URL[] {location}, null);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] original = studentClassFile(name.replace('.', '/'));
                    if (original == null) {
                        return super.loadClass(name, resolve);
                    }
                    byte[] rewritten = withHeldBackStarts(original);
                    loaded = defineClass(name, rewritten, 0, rewritten.length);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private byte[] studentClassFile(String internalName) {
            if (!internalName.startsWith(PACKAGE) || internalName.indexOf('/', PACKAGE.length()) >= 0) {
                return null;
            }
            try (InputStream in = studentFiles.getResourceAsStream(internalName + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private byte[] withHeldBackStarts(byte[] classFile) {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                            // The stack holds the same one reference either way, so no frame changes.
                            if (opcode == Opcodes.INVOKEVIRTUAL && method.equals("start") && desc.equals("()V")
                                    && isThread(owner)) {
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "start", "(L" + THREAD + ";)V", false);
                            } else {
                                super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                            }
                        }
                    };
                }
            }, 0);
            return writer.toByteArray();
        }

        // Student classes are read from their files (loading one here would define it before it is rewritten).
        private boolean isThread(String internalName) {
            String name = internalName;
            for (int depth = 0; depth < DEEPEST_HIERARCHY && name != null && !name.startsWith("["); depth++) {
                if (name.equals(THREAD)) {
                    return true;
                }
                byte[] own = studentClassFile(name);
                if (own == null) {
                    return otherClassIsThread(name);
                }
                name = new ClassReader(own).getSuperName();
            }
            return false;
        }

        private boolean otherClassIsThread(String internalName) {
            try {
                return Thread.class.isAssignableFrom(Class.forName(internalName.replace('/', '.'), false, getParent()));
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
