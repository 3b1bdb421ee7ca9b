/** Every queue, in one place. */
export enum QueueName {
  Maintenance = 'maintenance',
  Reminders = 'reminders',
  Email = 'email',
}

/** Every job name, in one place; each has exactly one handler in the worker. */
export enum JobName {
  Heartbeat = 'heartbeat',
}

/** The payload type of each job name. */
export interface JobPayloads {
  [JobName.Heartbeat]: Record<string, never>;
}

/** Which queue carries each job. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.Heartbeat]: QueueName.Maintenance,
};
