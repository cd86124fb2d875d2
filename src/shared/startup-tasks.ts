import { Injectable, Logger } from '@nestjs/common';

type TaskState =
  { readonly state: 'running' | 'done' } | { readonly state: 'failed'; readonly message: string };

/**
 * Work the server does once after start (seeding, first admin). It runs beside the HTTP server, and
 * /ready says "not ready" until every task is done, naming the one that failed.
 */
@Injectable()
export class StartupTasks {
  private readonly logger = new Logger('StartupTasks');
  private readonly tasks = new Map<string, TaskState>();

  run(name: string, work: () => Promise<void>): Promise<void> {
    this.tasks.set(name, { state: 'running' });
    return work().then(
      () => {
        this.tasks.set(name, { state: 'done' });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.tasks.set(name, { state: 'failed', message });
        this.logger.error(`Start-up task ${name} failed: ${message}`);
        throw error;
      },
    );
  }

  problems(): string[] {
    return [...this.tasks].flatMap(([name, task]) => {
      if (task.state === 'running') return [`start-up task ${name} is still running`];
      if (task.state === 'failed') return [`start-up task ${name} failed: ${task.message}`];
      return [];
    });
  }
}
