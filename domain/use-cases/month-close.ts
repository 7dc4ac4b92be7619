import { type Actor, assertAllowed, assertSees } from "../access.js";
import { addMonths, isoInstant, type Month } from "../calendar.js";
import { type Contract, isMonthClosed } from "../contract.js";
import { ContentionError, MonthNotEndedError, NotFoundError } from "../errors.js";
import type { CloseJob, CloseJobQueue } from "../ports.js";
import type { MonthCloseStatus, Page } from "../repositories.js";
import { type MonthSlaReport, reportedMonthSlaReport } from "../sla-month-report.js";
import {
  type ContractStatement,
  hasStatementFor,
  monthsToClose,
  planMonthClose,
  previewStatement,
  statementOf,
} from "../statement.js";
import { currentMonth } from "./contracts.js";
import type { ContractLookups, StoreOf, UseCaseDeps } from "./deps.js";
import { ticketsOfMonth } from "./sla-report.js";

/** What a statement of a contract-month reads (open or closed). */
export type StatementReads = StoreOf<"monthClose">;

/** What a customer's statement reads: the customer, its contracts, their months and their tickets. */
export type StatementStore = StoreOf<"customers" | "monthClose" | "tickets"> & ContractLookups;

/** Who runs the scheduled close: the schedule acts with the rights of an administrator. */
export const SCHEDULER_ACTOR: Actor = { role: "admin", customerId: null, subject: "system:scheduler" };

/** Contracts read per page by the starter. */
const STARTER_PAGE_SIZE = 500;
/** Optimistic retries of one contract-month's close against concurrent bookings and closes. */
const MAX_ATTEMPTS = 20;

async function backoff(attempt: number): Promise<void> {
  const cap = Math.min(200, 5 * 2 ** Math.min(attempt, 6));
  await new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
}

/** A month can be closed once it has ended in the billing time zone. */
export function assertMonthEnded(deps: UseCaseDeps<unknown>, month: Month): void {
  const current = currentMonth(deps);
  if (month >= current) {
    throw new MonthNotEndedError(`Month ${month} has not ended yet`, { month, currentMonth: current });
  }
}

export interface MonthCloseStarted {
  month: Month;
  /** Close jobs enqueued: one per contract with something to close through `month`. */
  enqueuedJobs: number;
}

/**
 * Starts the close of `month`: pages through the active contracts and enqueues one close job for
 * each that still has an open month up to `month`. Safe to run again at any time: a contract
 * already closed gets no job, and a job that runs twice closes nothing twice.
 */
export async function startMonthClose(
  deps: UseCaseDeps<StoreOf<"monthClose">>,
  actor: Actor,
  month: Month,
  queue: CloseJobQueue,
): Promise<MonthCloseStarted> {
  assertAllowed(actor, "admin.run");
  assertMonthEnded(deps, month);
  const startedAt = isoInstant(deps.clock.now());
  // First the books close: from here no write lands in `month` or before, while the jobs run.
  await deps.store.monthClose.advanceClosedThrough(month);
  let enqueuedJobs = 0;
  let next: Promise<Page<Contract>> | null = deps.store.monthClose.listActiveContracts({
    limit: STARTER_PAGE_SIZE,
  });
  while (next) {
    const page: Page<Contract> = await next;
    // Read the next page while this one's jobs are being sent.
    next = page.cursor
      ? deps.store.monthClose.listActiveContracts({ limit: STARTER_PAGE_SIZE, cursor: page.cursor })
      : null;
    const jobs: CloseJob[] = page.items
      .filter((contract) => monthsToClose(contract, month).length > 0)
      .map((contract) => ({ contractId: contract.id, month }));
    if (jobs.length > 0) await queue.enqueue(jobs);
    enqueuedJobs += jobs.length;
  }
  await deps.store.monthClose.recordMonthCloseRun({ month, startedAt, enqueuedJobs });
  return { month, enqueuedJobs };
}

/** `GET /admin/month-close/status`: the last month closed system-wide, and the runs. */
export async function monthCloseStatus(
  deps: UseCaseDeps<StoreOf<"monthClose">>,
  actor: Actor,
): Promise<MonthCloseStatus> {
  assertAllowed(actor, "admin.run");
  return deps.store.monthClose.getMonthCloseStatus();
}

export interface ContractCloseOutcome {
  contractId: string;
  /** The months this run closed, oldest first; empty when everything was closed already. */
  closedMonths: Month[];
  expiredMinutes: number;
}

/**
 * Closes a contract through `job.month`: each open month up to it, oldest first, in its own
 * transaction. Exactly once: each transaction requires the contract version it read (and the
 * month's usage or pool version), so a second, concurrent or resumed run either finds the month
 * closed or loses the race and then finds it closed. A booking racing the close either commits
 * first (the close re-reads and counts it) or re-plans after it and is refused with `period_closed`.
 * Costs two requests per month, however many bookings it has: one batch read (the contract with the
 * month's usage or the pool), one transaction. The bookings are not read: the statement stores the
 * ledger's figures only, and lists the month's bookings when it is read.
 */
export async function closeContractMonth(
  deps: UseCaseDeps<StoreOf<"monthClose">>,
  job: CloseJob,
): Promise<ContractCloseOutcome> {
  assertMonthEnded(deps, job.month);
  const outcome: ContractCloseOutcome = { contractId: job.contractId, closedMonths: [], expiredMinutes: 0 };
  // Usually the month to close is the job's month: one read fetches the contract and that month.
  let month = job.month;
  let attempt = 0;
  for (;;) {
    const state = await deps.store.monthClose.loadMonthState(job.contractId, month);
    if (!state) throw new NotFoundError(`Contract ${job.contractId} not found`);
    const open = monthsToClose(state.contract, job.month)[0];
    if (open === undefined) return outcome;
    if (open !== month) {
      month = open;
      if (state.contract.kind === "monthly") continue; // the month's usage must be read for that month
    }
    // A booking racing this read changes the month's usage or the pool: the close's write fails and
    // is planned again.
    const plan = planMonthClose(
      { ...state, month },
      { closedAt: isoInstant(deps.clock.now()), alertId: deps.ids.newId("alr") },
    );
    if ((await deps.store.monthClose.commitMonthClose(plan)) === "written") {
      outcome.closedMonths.push(month);
      outcome.expiredMinutes += plan.figures.expiredMinutes;
      const closed = { ...state.contract, closedThroughMonth: month, status: plan.status };
      if (monthsToClose(closed, job.month).length === 0) return outcome;
      month = addMonths(month, 1);
      attempt = 0;
      continue;
    }
    attempt += 1;
    if (attempt >= MAX_ATTEMPTS) {
      throw new ContentionError(`Contract ${job.contractId} kept changing during the close of ${month}`);
    }
    await backoff(attempt);
  }
}

export interface CustomerStatement {
  customerId: string;
  month: Month;
  /** `closed` once every contract's month is closed: the statement is final. */
  status: "open" | "closed";
  contracts: ContractStatement[];
  /** Fees and overage charges of all contracts. */
  totalCents: number;
  /** How the customer's SLAs were kept for the tickets received in the month. */
  sla: MonthSlaReport;
}

/**
 * A customer's statement for a month: for each contract that runs in the month, once its month is
 * closed the figures the close froze with the month's (frozen) bookings, else a preview computed from
 * the live ledger.
 */
export async function getCustomerStatement(
  deps: UseCaseDeps<StatementStore>,
  actor: Actor,
  customerId: string,
  month: Month,
): Promise<CustomerStatement> {
  assertAllowed(actor, "statements.read");
  assertSees(actor, customerId, "Customer");
  const customer = await deps.store.customers.getCustomer(customerId);
  if (!customer) throw new NotFoundError("Customer not found");
  const contracts = (await deps.store.contracts.listContractsOfCustomer(customerId))
    .filter((contract) => hasStatementFor(contract, month))
    .sort((a, b) =>
      a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1,
    );
  // The closed months' statements in one batch read, the open months' previews beside it.
  const [closed, previews, ticketsPerContract] = await Promise.all([
    closedStatements(
      deps,
      contracts.filter((c) => isMonthClosed(c, month)).map((c) => ({ contractId: c.id, month })),
    ),
    Promise.all(
      contracts.filter((c) => !isMonthClosed(c, month)).map((c) => openMonthStatement(deps, c, month)),
    ),
    Promise.all(contracts.map((contract) => ticketsOfMonth(deps, contract, month))),
  ]);
  const byContract = new Map([...closed, ...previews].map((statement) => [statement.contractId, statement]));
  const statements = contracts.map((contract) => {
    const statement = byContract.get(contract.id);
    if (!statement)
      throw new Error(`Statement ${contract.id}/${month} is missing although the month is closed`);
    return statement;
  });
  const tickets = ticketsPerContract.flat();
  const status =
    contracts.length > 0
      ? statements.every((s) => s.status === "closed")
        ? "closed"
        : "open"
      : month < currentMonth(deps)
        ? "closed"
        : "open";
  return {
    customerId,
    month,
    status,
    contracts: statements,
    totalCents: statements.reduce((sum, s) => sum + s.feeCents + s.overageCents, 0),
    sla: reportedMonthSlaReport(tickets, month, status === "closed", deps.clock.now(), deps.billingTimezone),
  };
}

/**
 * The statements of closed contract-months: the figures each close stored, with the month's bookings,
 * which are final once the month is closed (bookings and reversals in it are refused with
 * `period_closed`). One batch read for the figures, one query per statement for its bookings. Months
 * not closed (no figures stored) are left out. No access check: callers check the actor.
 */
export async function closedStatements(
  deps: Pick<UseCaseDeps<StatementReads>, "store">,
  wanted: { contractId: string; month: Month }[],
): Promise<ContractStatement[]> {
  const figures = await deps.store.monthClose.getClosedMonthFigures(wanted);
  return Promise.all(
    figures.map(async (f) =>
      statementOf(f, await deps.store.monthClose.listMonthBookings(f.contractId, f.month)),
    ),
  );
}

/** A month open when the contract was listed: its preview, or its statement if it has closed since. */
async function openMonthStatement(
  deps: UseCaseDeps<StatementReads>,
  contract: Contract,
  month: Month,
): Promise<ContractStatement> {
  const state = await deps.store.monthClose.loadMonthState(contract.id, month);
  if (!state) throw new NotFoundError("Contract not found");
  if (isMonthClosed(state.contract, month)) {
    const [statement] = await closedStatements(deps, [{ contractId: contract.id, month }]);
    if (!statement)
      throw new Error(`Statement ${contract.id}/${month} is missing although the month is closed`);
    return statement;
  }
  const bookings = await deps.store.monthClose.listMonthBookings(contract.id, month);
  return previewStatement({ ...state, month, bookings });
}
