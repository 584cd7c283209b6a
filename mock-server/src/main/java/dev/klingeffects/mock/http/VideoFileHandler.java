package dev.klingeffects.mock.http;

import dev.klingeffects.contract.ContractError;
import dev.klingeffects.mock.tasks.MockClock;
import dev.klingeffects.mock.tasks.TaskStatus;
import dev.klingeffects.mock.tasks.TaskStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;

/**
 * {@code /files/<task_id>.mp4}: the result video of a successful task, until it expires. Like a CDN
 * link it needs no key.
 */
final class VideoFileHandler implements Handler {

    private static final String SUFFIX = ".mp4";

    private final TaskStore store;
    private final MockClock clock;
    private final SampleVideo video;

    VideoFileHandler(TaskStore store, MockClock clock, SampleVideo video) {
        this.store = store;
        this.clock = clock;
        this.video = video;
    }

    @Override
    public void handle(Context ctx) {
        String file = ctx.pathParam("file");
        String taskId = file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : null;
        boolean ready = taskId != null && store.find(taskId)
                .map(task -> task.statusAt(clock.now()) == TaskStatus.SUCCESS).orElse(false);
        if (!ready) {
            Responder.send(ctx, Reply.error(ContractError.notFound("file " + ContractError.quote(file) + " not found")));
            return;
        }
        Responder.send(ctx, new Reply(200, video.bytes(), "video/mp4",
                Map.of("Cache-Control", "private, max-age=3600")));
    }
}
