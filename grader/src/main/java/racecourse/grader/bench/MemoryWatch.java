package racecourse.grader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the peak resident memory (Linux's VmHWM) of this JVM and of every process below it, so a
 * benchmark can say how much one test JVM needs. Where /proc is missing, it reports 0.
 */
final class MemoryWatch implements AutoCloseable {

    private final Thread sampler;
    private volatile boolean running = true;
    private long peakChildKb;

    MemoryWatch() {
        sampler = new Thread(() -> {
            while (running) {
                ProcessHandle.current().descendants().forEach(p -> {
                    long kb = highWaterKb(p.pid());
                    synchronized (this) {
                        peakChildKb = Math.max(peakChildKb, kb);
                    }
                });
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    synchronized long peakChildMb() {
        return peakChildKb / 1024;
    }

    static long selfPeakMb() {
        return highWaterKb(ProcessHandle.current().pid()) / 1024;
    }

    private static long highWaterKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or no /proc here
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
