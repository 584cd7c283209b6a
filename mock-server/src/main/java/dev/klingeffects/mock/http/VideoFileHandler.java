package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.mock.control.Prefer;
import dev.klingeffects.mock.faults.FaultPlan;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.Task;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code /files/<task_id>.<token>.mp4}: the result video of a successful task, until it expires. Like
 * a CDN link it needs no key, so its name carries a random token only the task's owner has seen: the
 * task id alone (which a journal or a log may show) does not reach the file.
 */
final class VideoFileHandler implements Handler {

    private static final String PREFIX = "/files/";
    private static final String SUFFIX = ".mp4";

    private final TaskStore store;
    private final MockClock clock;
    private final SampleVideo video;
    private final RouteFaults faults;

    VideoFileHandler(TaskStore store, MockClock clock, SampleVideo video, RouteFaults faults) {
        this.faults = faults;
        this.store = store;
        this.clock = clock;
        this.video = video;
    }

    /** @return the path of a task's result file */
    static String path(Task task) {
        return PREFIX + task.id() + "." + task.fileToken() + SUFFIX;
    }

    @Override
    public void handle(Context ctx) {
        Prefer prefer = Prefer.parse(ctx.header("Prefer"));
        FaultPlan fault = faults.of(ctx, prefer);
        if (faults.answeredBefore(ctx, fault, prefer)) {
            return;
        }
        String file = ctx.pathParam("file");
        boolean ready = file.endsWith(SUFFIX) && find(file.substring(0, file.length() - SUFFIX.length()));
        Reply reply = ready ? answer(video)
                : Reply.error(ContractError.notFound("file " + ContractError.quote(file) + " not found"));
        // The file route honours faults and a delay (for slow-body), nothing else of Prefer.
        RouteFaults.send(ctx, reply, fault == null ? 0 : prefer.delayMillis(), fault);
    }

    /** @return the answer carrying the result video */
    static Reply answer(SampleVideo video) {
        return new Reply(200, video.bytes(), "video/mp4", Map.of("Cache-Control", "private, max-age=3600"));
    }

    private boolean find(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        String token = name.substring(dot + 1);
        return store.find(name.substring(0, dot))
                .filter(task -> MessageDigest.isEqual(task.fileToken().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8)))
                .map(task -> task.statusAt(clock.now()) == TaskStatus.SUCCESS).orElse(false);
    }
}
