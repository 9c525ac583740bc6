/**
 * Periodic background work inside the server process: each task runs on its interval,
 * never overlapping itself, and its failures are logged without stopping the others.
 * Tasks must be safe with several processes running them (they use row locks or are
 * idempotent), since every process behind the load balancer runs the same schedule.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface Task {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Resolves when every running task has finished. */
  stop(): Promise<void>;
}

export function startScheduler(tasks: readonly Task[], log: FastifyBaseLogger): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const task of tasks) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = task
        .run()
        .then((result) => {
          if (result) log.debug({ task: task.name, result }, 'task done');
        })
        .catch((err: unknown) => log.error({ err, task: task.name }, 'background task failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    const timer = setInterval(tick, task.everyMs);
    timer.unref();
    timers.push(timer);
    setTimeout(tick, 1000).unref();
  }
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}
