/** The clock port: every use case asks it for "now", so tests can walk through months and DST changes. */
export interface Clock {
  now(): Date;
}

/** Makes server-side identifiers. Identifiers sort by creation time within a prefix. */
export interface IdGenerator {
  newId(prefix: string): string;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where a test puts it. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

/** One contract-month to close: the unit of work of the month close. */
export interface CloseJob {
  contractId: string;
  month: string;
}

/** Where the month close starter puts its jobs (an SQS queue when deployed and locally). */
export interface CloseJobQueue {
  /** Enqueues every job, or throws; a job enqueued twice is harmless (the close is idempotent). */
  enqueue(jobs: CloseJob[]): Promise<void>;
}
