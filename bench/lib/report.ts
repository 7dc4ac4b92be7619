import type { BookingFigures, FloorThroughput } from "../sections/booking.js";
import { type BuiltBundle, FLOOR, FLOORS, SHIPPED_FLOOR } from "../sections/bundles.js";
import type { ColdInit } from "../sections/cold-init.js";
import type { ContentionFigures, MemoryFigures } from "../sections/contention.js";
import type { MonthCloseFigures } from "../sections/month-close.js";
import type { SlaSweepFigures } from "../sections/sla-sweep.js";
import type { Machine } from "./machine.js";

type Skipped = { status: "skipped" };

/** bench/results.json: one object, every figure of one run. */
export interface Results {
  date: string;
  command: string;
  quick: boolean;
  machine: Machine;
  floor: {
    entry: string;
    bytes: number | null;
    coldInitMs: number | null;
    transactionMedianMs: number | null;
    transactionP99Ms: number | null;
    transactionsPerSecond32: number | null;
  };
  bundles: Pick<
    BuiltBundle,
    | "name"
    | "bytes"
    | "gzipBytes"
    | "ratioToFloor"
    | "ratioToShippedFloor"
    | "commonJsBytes"
    | "largestInputs"
    | "overFloor"
  >[];
  coldInit: ColdInit[];
  booking: BookingFigures | Skipped;
  contention: Omit<ContentionFigures, "memory"> | Skipped;
  monthClose: MonthCloseFigures | Skipped;
  slaSweep: SlaSweepFigures | Skipped;
  memory: MemoryFigures | Skipped;
  floorThroughput: FloorThroughput | Skipped;
  checks: Check[];
}

export interface Check {
  item: number;
  measure: string;
  value: string;
  target: string;
  /** null: reported, no target (or not measured). */
  pass: boolean | null;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const x = (value: number) => `${value.toFixed(2)}x`;
const measured = <T extends object>(value: T | Skipped): value is T =>
  !("status" in value) || (value as { status: string }).status === "measured";

/** What closing one contract read and wrote in the runs with (or without) many bookings in the month. */
function closeCost(m: MonthCloseFigures, many: boolean): string {
  const run = m.runs.find((r) => r.bookingsInPreviousMonth === 0 && r.bookingsInMonth > 1 === many);
  return run ? `${run.itemsReadPerContract} items read, statement ${kb(run.statementBytes)}` : "—";
}

/** Every target of issue #7 against this run's figures. */
export function checksOf(r: Omit<Results, "checks">): Check[] {
  const checks: Check[] = [];
  const shippedFloor = r.bundles.find((b) => b.name === SHIPPED_FLOOR);
  if (shippedFloor) {
    checks.push({
      item: 1,
      measure: `bundle ${SHIPPED_FLOOR} (the floor built as KoAd ships)`,
      value: `${kb(shippedFloor.bytes)}, ${x(shippedFloor.ratioToFloor)}`,
      target: "reported",
      pass: null,
    });
  }
  for (const b of r.bundles.filter((b) => !FLOORS.includes(b.name))) {
    checks.push({
      item: 1,
      measure: `bundle ${b.name}`,
      value: `${kb(b.bytes)} (gzip ${kb(b.gzipBytes)}), ${x(b.ratioToFloor)} (like-for-like ${x(b.ratioToShippedFloor)}); KoAd's part: ${b.overFloor
        .slice(0, 3)
        .map((o) => `${o.input} ${kb(o.bytes)}`)
        .join(", ")}`,
      target: "≤ 1.25x floor",
      pass: b.ratioToFloor <= 1.25,
    });
  }
  for (const c of r.coldInit.filter((c) => c.name !== FLOOR)) {
    checks.push({
      item: 2,
      measure: `cold init ${c.name}`,
      value: `${c.medianMs.toFixed(1)} ms, ${x(c.ratioToFloor)} (like-for-like ${x(c.ratioToShippedFloor)})`,
      target: c.name === SHIPPED_FLOOR ? "reported" : "≤ 1.3x floor",
      pass: c.name === SHIPPED_FLOOR ? null : c.ratioToFloor <= 1.3,
    });
  }
  if (measured(r.booking)) {
    const b = r.booking;
    checks.push(
      {
        item: 3,
        measure: "DynamoDB requests per new booking",
        value: `${b.requestsPerNewBooking} (max ${b.requestsPerNewBookingMax}; first in process ${b.requestsFirstBookingInProcess}; replay ${b.requestsPerReplay})`,
        target: "exactly 1",
        pass: b.requestsPerNewBooking === 1 && b.requestsPerNewBookingMax === 1,
      },
      {
        item: 3,
        measure: `booking handler median (${b.requests} sequential)`,
        value: `${b.medianMs.toFixed(2)} ms vs floor ${b.floorMedianMs.toFixed(2)} ms, ${x(b.medianRatio)}`,
        target: "≤ 1.5x floor",
        pass: b.medianRatio <= 1.5,
      },
      {
        item: 3,
        measure: "booking handler p99",
        value: `${b.p99Ms.toFixed(2)} ms vs floor ${b.floorP99Ms.toFixed(2)} ms, ${x(b.p99Ratio)}`,
        target: "reported",
        pass: null,
      },
      {
        item: 3,
        measure: "booking median split",
        value: `DynamoDB ${b.dynamoMedianMs.toFixed(2)} ms + handler ${b.handlerOverheadMedianMs.toFixed(2)} ms`,
        target: "reported",
        pass: null,
      },
      {
        item: 3,
        measure: "the booking's transaction alone vs the floor's",
        value: `${b.transaction.items} items ${x(b.transaction.medianRatio)}; without the idempotency guard ${x(b.transaction.withoutGuardMedianRatio)} (${b.transaction.rounds} rounds)`,
        target: "reported",
        pass: null,
      },
    );
  }
  if (measured(r.contention)) {
    for (const [label, s] of [
      ["one contract", r.contention.oneContract],
      [`${r.contention.perClientContract.contracts} contracts`, r.contention.perClientContract],
    ] as const) {
      checks.push(
        {
          item: 4,
          measure: `${s.clients} clients, ${label}: throughput`,
          value: `${s.bookingsPerSecond} bookings/s (${s.accepted} booked, ${s.refused} refused, ${s.failed} failed${s.failed ? ` ${JSON.stringify(s.failures)}` : ""} of ${s.requests}); median ${s.medianMs.toFixed(0)} ms, p99 ${s.p99Ms.toFixed(0)} ms`,
          target: "reported; no failures",
          pass: s.failed === 0,
        },
        {
          item: 4,
          measure: `${s.clients} clients, ${label}: retries`,
          value: `${s.retries} (${s.retriesPerBooking} per booking), ${s.dynamoRequestsPerRequest} DynamoDB requests per request`,
          target: "reported",
          pass: null,
        },
        {
          item: 4,
          measure: `${s.clients} clients, ${label}: overdraw`,
          value: `${s.overdrawnMinutes} min over quota; used ${s.usedMinutes} of ${s.quotaMinutes}; ${s.ledgerMismatches} ledger mismatches`,
          target: "0 and 0",
          pass: s.overdrawnMinutes === 0 && s.ledgerMismatches === 0,
        },
      );
    }
  }
  if (measured(r.monthClose)) {
    const m = r.monthClose;
    const sizes = [...new Set(m.runs.map((run) => run.contracts))].sort((a, b) => a - b);
    const many = Math.max(...m.runs.map((run) => run.bookingsInMonth));
    const n = (value: number | undefined) => value?.toLocaleString("en-US") ?? "—";
    checks.push(
      {
        item: 5,
        measure: `month close rate, ${n(sizes[0])} / ${n(sizes[sizes.length - 1])} contracts`,
        value: `${m.rate1k} / ${m.rate10k} contracts/s (${m.workers} workers x batches of ${m.batchSize})`,
        target: "reported",
        pass: null,
      },
      {
        item: 5,
        measure: "month close scaling (10k rate / 1k rate)",
        value: x(m.scalingRatio),
        target: "≥ 0.8x",
        pass: m.scalingRatio >= 0.8,
      },
      {
        item: 5,
        measure: "month close rate / bare TPS (32 clients)",
        value: x(m.ratioToFloor),
        target: "≥ 0.4x",
        pass: m.ratioToFloor >= 0.4,
      },
      {
        item: 5,
        measure: `month close, ${many} vs 1 bookings in the month closed`,
        value: `${x(m.historyRatio)}; per contract ${closeCost(m, true)} vs ${closeCost(m, false)}`,
        target: "0.8x to 1.2x",
        pass: m.historyRatio >= 0.8 && m.historyRatio <= 1.2,
      },
      {
        item: 5,
        measure: `month close, ${many} bookings in the month before (closed) vs none`,
        value: x(m.olderHistoryRatio),
        target: "reported (0.8x to 1.2x)",
        pass: null,
      },
    );
  } else {
    checks.push({
      item: 5,
      measure: "month close",
      value: (r.monthClose as { status: string }).status,
      target: "—",
      pass: null,
    });
  }
  if (measured(r.slaSweep)) {
    const s = r.slaSweep;
    checks.push(
      {
        item: 6,
        measure: `SLA sweep items read, ${s.openSmall.toLocaleString("en-US")} / ${s.openLarge.toLocaleString("en-US")} open tickets`,
        value: `${s.reads1k} / ${s.reads100k} (${s.dueSmall} / ${s.dueLarge} due; median of ${s.sweeps} sweeps each)`,
        target: "equal, about 10",
        pass: s.reads100k === s.reads1k && s.reads1k <= 2 * s.dueSmall,
      },
      {
        item: 6,
        measure: "SLA sweep time ratio",
        value: `${s.sweepMedianMsSmall} / ${s.sweepMedianMsLarge} ms, ${x(s.timeRatio)}`,
        target: "< 2x",
        pass: s.timeRatio < 2,
      },
      {
        item: 6,
        measure: "DynamoDB requests per ticket-queue message",
        value: `${s.requestsPerMessage} per sla.check (${s.checkMessages} messages); ${s.requestsPerOpenedMessage} per ticket.opened (${s.openedMessages}); ${s.requestsPerMessageAll} over all`,
        target: "≤ 2",
        pass: s.requestsPerMessage <= 2,
      },
    );
  } else {
    checks.push({
      item: 6,
      measure: "SLA sweep",
      value: (r.slaSweep as { status: string }).status,
      target: "—",
      pass: null,
    });
  }
  if (measured(r.memory)) {
    checks.push({
      item: 7,
      measure: "peak RSS of the local system (contention run)",
      value: `${r.memory.peakRssMb} MB (Node ${r.memory.nodePeakRssMb} MB, DynamoDB Local ${r.memory.dynamoDbLocalPeakRssMb} MB)`,
      target: "reported",
      pass: null,
    });
  }
  return checks;
}

/** The table printed at the end of a run and pasted into docs/performance.md. */
export function markdownTable(r: Results): string {
  const floor = [
    `Floor (bench/floor/bare-transaction.handler.ts, same run): bundle ${r.floor.bytes === null ? "—" : kb(r.floor.bytes)}`,
    `cold init ${r.floor.coldInitMs?.toFixed(1) ?? "—"} ms`,
    `TransactWriteItems median ${r.floor.transactionMedianMs?.toFixed(2) ?? "—"} ms, p99 ${r.floor.transactionP99Ms?.toFixed(2) ?? "—"} ms`,
    `${r.floor.transactionsPerSecond32 ?? "—"} transactions/s with 32 clients.`,
  ].join(", ");
  const lines = [
    `${r.date} · ${r.machine.cpus} vCPU ${r.machine.cpuModel} · Node ${r.machine.node} · DynamoDB Local ${r.machine.dynamoDbLocal}${r.quick ? " · QUICK run (smaller samples)" : ""}`,
    "",
    floor,
    "",
    "| # | measure | value | target | result |",
    "|---|---|---|---|---|",
    ...r.checks.map(
      (c) =>
        `| ${c.item} | ${c.measure} | ${c.value} | ${c.target} | ${c.pass === null ? "—" : c.pass ? "pass" : "**FAIL**"} |`,
    ),
  ];
  return lines.join("\n");
}
