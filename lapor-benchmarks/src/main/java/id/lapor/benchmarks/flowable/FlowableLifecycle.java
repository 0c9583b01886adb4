package id.lapor.benchmarks.flowable;

import id.lapor.benchmarks.report.Windows;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

/**
 * The lifecycle on Flowable, as a Java team would drive the BPMN model ({@code complaint.bpmn20.xml}): the
 * process starts with the report as variables (submit); each later step finds the process's open task and
 * completes it with the step's data (verify, dispatch, follow up, close). Five committed transactions, each
 * after a task query, as lapor's are five appends.
 */
final class FlowableLifecycle implements Windows.Work {
    static final String PROCESS = "complaint";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AtomicLong numbers = new AtomicLong(80_000_000_000L);

    FlowableLifecycle(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
    }

    @Override
    public void run() {
        String id = start();
        complete(id, "verify", Map.of("unit", "kec-pahandut", "weight", "NORMAL"));
        complete(id, "dispatch", Map.of("unit", "kel-langkai"));
        complete(id, "followUp", Map.of("followUp", "Sudah ditindaklanjuti."));
        complete(id, "close", Map.of());
    }

    /** Submits a report; answers the process instance's id. */
    String start() {
        ProcessInstance p = runtime.startProcessInstanceByKey(PROCESS, String.valueOf(numbers.incrementAndGet()), Map.of(
                "title", "Jalan rusak di Jalan Tjilik Riwut",
                "body", "Jalan berlubang besar di depan pasar sejak dua minggu, membahayakan pengendara motor.",
                "category", "jalan",
                "region", "62.71.01.1001",
                "reporterPhone", "+6281234567890"));
        return p.getId();
    }

    void complete(String processInstance, String step, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstance).taskDefinitionKey(step).singleResult();
        if (task == null) {
            throw new IllegalStateException("no open task " + step + " in process " + processInstance);
        }
        tasks.complete(task.getId(), variables);
    }
}
