import type { Alert } from "./alert.js";
import { isoInstant } from "./calendar.js";
import { type SlaCalendar, slaCalendar } from "./sla-calendar.js";
import { type Priority, resolutionTargetOf, type SlaTerms } from "./sla-terms.js";
import type { WatchStage } from "./ticket.js";
import { receivedAtOf, type Timeline, timelineStatus } from "./ticket-timeline.js";

/**
 * A ticket's two SLA clocks (SPEC §8), computed from its timeline and the SLA calendar alone.
 *
 * - **response** runs from receipt to the first `responded` event. A ticket resolved before anyone
 *   answered counts its resolution as the answer (the customer got more than a reply), so the response
 *   clock stops at the first `resolved` as well and stays stopped after a reopen.
 * - **resolution** runs from receipt to `resolved`; a `reopened` ticket's clock goes on from where it
 *   stopped, and the latest `resolved` decides the outcome.
 * - `pending` pauses both; `resumed` lets them go on from where they stopped.
 *
 * Both targets are in-window minutes (`responseMinutes`, `resolutionMinutes` per priority). Nothing is
 * read from stored counters: an event entered late changes the runs, and with them every deadline.
 */
export const SLA_TARGETS = ["response", "resolution"] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** A stretch of time in which a target's clock ran; `to` null while it still runs. */
interface Run {
  from: number;
  to: number | null;
}

interface Runs {
  runs: Run[];
  pausedSince: number | null;
  doneAt: number | null;
}

function runsOf(timeline: Timeline, target: SlaTarget): Runs {
  const runs: Run[] = [];
  let runningFrom: number | null = null;
  let pausedSince: number | null = null;
  let doneAt: number | null = null;
  const start = (at: number) => {
    if (runningFrom === null) runningFrom = at;
  };
  const stop = (at: number) => {
    if (runningFrom !== null) runs.push({ from: runningFrom, to: at });
    runningFrom = null;
  };
  for (const event of timeline) {
    const at = Date.parse(event.at);
    // Once the response target is done nothing moves it again; the resolution target can come back.
    const settled = target === "response" && doneAt !== null;
    switch (event.type) {
      case "opened":
        start(at);
        break;
      case "pending":
        if (settled) break;
        stop(at);
        pausedSince = at;
        break;
      case "resumed":
        if (settled) break;
        start(at);
        pausedSince = null;
        break;
      case "responded":
        if (target === "response" && !settled) {
          stop(at);
          doneAt = at;
        }
        break;
      case "resolved":
        if (settled) break;
        stop(at);
        doneAt = at;
        break;
      case "reopened":
        if (target === "resolution") {
          start(at);
          doneAt = null;
        }
        break;
      case "note":
        break;
    }
  }
  if (runningFrom !== null) runs.push({ from: runningFrom, to: null });
  return { runs, pausedSince, doneAt };
}

/**
 * The moment the runs have consumed `millis` of in-window time, or null when they stopped short of it.
 * A running clock is assumed to keep running: that is what a due date means.
 */
function reach(calendar: SlaCalendar, runs: Run[], millis: number): number | null {
  let remaining = millis;
  for (const run of runs) {
    const from = new Date(run.from);
    if (run.to === null) return calendar.addInWindow(from, remaining).getTime();
    const inRun = calendar.inWindowMillis(from, new Date(run.to));
    // `>=`: a target reached exactly when the clock stopped was reached in this run.
    if (inRun >= remaining) return calendar.addInWindow(from, remaining).getTime();
    remaining -= inRun;
  }
  return null;
}

function consumedMillis(calendar: SlaCalendar, runs: Run[], now: number): number {
  let total = 0;
  for (const run of runs) {
    total += calendar.inWindowMillis(new Date(run.from), new Date(Math.min(run.to ?? now, now)));
  }
  return total;
}

export interface TargetClock {
  target: SlaTarget;
  /** The target in in-window minutes. */
  targetMinutes: number;
  /** `running`, `paused` (the ticket is pending) or `done` (responded / resolved). */
  state: "running" | "paused" | "done";
  /** In-window minutes the clock has run so far (up to `now`, or to when it stopped), rounded up. */
  consumedMinutes: number;
  /** When the target runs out if the clock keeps running; null while paused or done. */
  dueAt: string | null;
  /** When `warnAtPercent` of the target is used up (whole second, rounded up); null while paused or done. */
  warnAt: string | null;
  /** Since when the ticket is pending; null otherwise. */
  pausedSince: string | null;
  /** Since when the clock runs without a break (receipt, the last resume or reopen); null unless running. */
  runningSince: string | null;
  /** The event that completed the target (first response; the latest resolve), in time or not. */
  metAt: string | null;
  /** Whether that event came by the deadline; null until it came. */
  met: boolean | null;
  /** The deadline passed without the target's event (as of `now`), or the event came late. */
  breached: boolean;
  /** The deadline that was missed, once it was. */
  breachedAt: string | null;
}

export type TicketClocks = Record<SlaTarget, TargetClock>;

/** The target of `target` for `priority`, in in-window minutes. */
export function targetMinutesOf(terms: SlaTerms, priority: Priority, target: SlaTarget): number {
  return target === "response" ? terms.responseMinutes[priority] : resolutionTargetOf(terms, priority);
}

function clockOf(
  calendar: SlaCalendar,
  timeline: Timeline,
  terms: SlaTerms,
  priority: Priority,
  target: SlaTarget,
  now: number,
): TargetClock {
  const minutes = targetMinutesOf(terms, priority, target);
  const { runs, pausedSince, doneAt } = runsOf(timeline, target);
  const deadline = reach(calendar, runs, minutes * 60_000);
  const state = doneAt !== null ? "done" : pausedSince !== null ? "paused" : "running";
  const iso = (instant: number | null) => (instant === null ? null : isoInstant(new Date(instant)));
  const met = doneAt === null ? null : deadline === null || doneAt <= deadline;
  const breached = met === null ? deadline !== null && deadline <= now : !met;
  let warnAt: number | null = null;
  if (state === "running") {
    // minutes × 60 000 ms × percent / 100 is a whole number of milliseconds.
    const warned = reach(calendar, runs, minutes * 600 * terms.warnAtPercent);
    warnAt = warned === null ? null : Math.ceil(warned / 1000) * 1000;
  }
  return {
    target,
    targetMinutes: minutes,
    state,
    consumedMinutes: Math.ceil(consumedMillis(calendar, runs, doneAt ?? now) / 60_000),
    dueAt: state === "running" ? iso(deadline) : null,
    warnAt: iso(warnAt),
    pausedSince: state === "paused" ? iso(pausedSince) : null,
    runningSince: state === "running" ? iso(runs[runs.length - 1]?.from ?? null) : null,
    metAt: iso(doneAt),
    met,
    breached,
    breachedAt: breached ? iso(deadline) : null,
  };
}

/**
 * Both SLA clocks of a ticket as of `now`, from its timeline and the terms it was opened under. This
 * is what the API shows (`responseDueAt`, `resolutionDueAt`, their warnings, `pausedSince`) and what
 * the watch and the report decide by; call it again after every event instead of storing what it says.
 */
export function ticketClocks(
  timeline: Timeline,
  terms: SlaTerms,
  priority: Priority,
  now: Date,
): TicketClocks {
  timelineStatus(timeline); // refuses a timeline that breaks the rules before anything is computed from it
  const calendar = slaCalendar(terms);
  return {
    response: clockOf(calendar, timeline, terms, priority, "response", now.getTime()),
    resolution: clockOf(calendar, timeline, terms, priority, "resolution", now.getTime()),
  };
}

/** The SLA fields a ticket shows (SPEC §8), named as the API names them. */
export interface TicketSlaFields {
  responseDueAt: string | null;
  responseWarnAt: string | null;
  resolutionDueAt: string | null;
  resolutionWarnAt: string | null;
  /** While pending; both due dates are then null. */
  pausedSince: string | null;
}

/**
 * The clocks as the API and the stored ticket's copy show them: one mapping, so a list read from the
 * store and a ticket read alone never disagree. The stored copy is for display and listing only; every
 * decision recomputes the clocks from the timeline.
 */
export function slaFieldsOf(clocks: TicketClocks): TicketSlaFields {
  return {
    responseDueAt: clocks.response.dueAt,
    responseWarnAt: clocks.response.warnAt,
    resolutionDueAt: clocks.resolution.dueAt,
    resolutionWarnAt: clocks.resolution.warnAt,
    pausedSince: clocks.resolution.pausedSince ?? clocks.response.pausedSince,
  };
}

// ---- the watch -----------------------------------------------------------------------------------

/** An alert already raised for a ticket: the watch never raises it again. */
export interface WatchMark {
  target: SlaTarget;
  stage: WatchStage;
}

/** What the watch needs of a ticket: the timeline, its terms and priority, and what was raised. */
export interface TicketWatch {
  timeline: Timeline;
  terms: SlaTerms;
  priority: Priority;
  raised: readonly WatchMark[];
}

/** The next moment the watch must look at a ticket, and what it will find then. */
export interface WatchMoment {
  target: SlaTarget;
  stage: WatchStage;
  at: string;
}

/** An alert due now: what `slaAlertOf` turns into a stored alert. */
export interface DueAlert {
  type: "sla.warning" | "sla.breached";
  target: SlaTarget;
  stage: WatchStage;
  details: {
    target: SlaTarget;
    priority: Priority;
    receivedAt: string;
    /** The deadline of the target. */
    dueAt: string;
    warnAt: string;
    /** A warning that fell due outside the service window: the opening it was delivered at instead. */
    deliveredAt?: string;
  };
}

interface Stage {
  target: SlaTarget;
  stage: WatchStage;
  /** When the watch delivers it. */
  at: number;
  clock: TargetClock;
  /** The opening a warning that fell due outside the window was held for. */
  heldUntil: number | null;
}

function firstOpenAtOrAfter(calendar: SlaCalendar, instant: number): number {
  for (const [start] of calendar.openIntervals(new Date(instant))) return Math.max(start, instant);
  return instant;
}

/**
 * The stages still to raise, each with the moment it is delivered. A warning falls due when its point
 * is reached, or when the clock starts running again past it (a resume, a reopen); a warning that falls
 * due outside the window waits for the next opening (nobody is woken at night for a warning), except
 * for P1, and so does one a check finds due while the window is closed (a late check, a late entry).
 * A warning never comes after its breach: when the breach is due first, the warning comes with it.
 */
function stagesOf(watch: TicketWatch, now: number): Stage[] {
  const clocks = ticketClocks(watch.timeline, watch.terms, watch.priority, new Date(now));
  const calendar = slaCalendar(watch.terms);
  const raised = (target: SlaTarget, stage: WatchStage) =>
    watch.raised.some((mark) => mark.target === target && mark.stage === stage);
  const stages: Stage[] = [];
  for (const target of SLA_TARGETS) {
    const clock = clocks[target];
    if (clock.state !== "running" || clock.dueAt === null || clock.warnAt === null) continue;
    const due = Date.parse(clock.dueAt);
    const warn = Date.parse(clock.warnAt);
    if (!raised(target, "warning")) {
      const fallsDue = Math.max(warn, Date.parse(clock.runningSince ?? clock.warnAt));
      const p1 = watch.priority === "P1";
      const planned = p1 ? warn : firstOpenAtOrAfter(calendar, fallsDue);
      const delivery = p1 ? warn : firstOpenAtOrAfter(calendar, Math.max(planned, now));
      stages.push({
        target,
        stage: "warning",
        at: Math.min(delivery, due),
        clock,
        heldUntil: !p1 && planned > fallsDue && delivery < due ? planned : null,
      });
    }
    if (!raised(target, "breach")) stages.push({ target, stage: "breach", at: due, clock, heldUntil: null });
  }
  // Earliest first; at the same moment the response before the resolution, the warning before the breach.
  return stages.sort((a, b) => a.at - b.at);
}

/**
 * The ticket's next moment across both targets, for the due index (one entry per ticket, keyed by this
 * moment): recompute and rewrite it after every event and every raised alert. Null when nothing is
 * left to watch (both targets done or every alert raised) or while the ticket is pending.
 */
export function nextWatchMoment(watch: TicketWatch, now: Date): WatchMoment | null {
  const first = stagesOf(watch, now.getTime())[0];
  return first ? { target: first.target, stage: first.stage, at: isoInstant(new Date(first.at)) } : null;
}

/**
 * The alerts due at `now`, oldest first. Each exists once per ticket, target and stage: the caller
 * stores the alert and its mark in one conditional write and passes the marks back next time.
 */
export function dueAlerts(watch: TicketWatch, now: Date): DueAlert[] {
  const at = now.getTime();
  const receivedAt = receivedAtOf(watch.timeline);
  return stagesOf(watch, at)
    .filter((stage) => stage.at <= at)
    .map(({ target, stage, clock, heldUntil }) => ({
      type: stage === "warning" ? ("sla.warning" as const) : ("sla.breached" as const),
      target,
      stage,
      details: {
        target,
        priority: watch.priority,
        receivedAt,
        dueAt: clock.dueAt ?? "",
        warnAt: clock.warnAt ?? "",
        ...(heldUntil === null ? {} : { deliveredAt: isoInstant(new Date(heldUntil)) }),
      },
    }));
}

/** The stored alert of a due stage, in the shape every alert has (SPEC §1 Alerts). */
export function slaAlertOf(
  ticket: { id: string; customerId: string; contractId: string },
  due: DueAlert,
  id: string,
  at: string,
): Alert {
  return {
    id,
    type: due.type,
    customerId: ticket.customerId,
    contractId: ticket.contractId,
    ticketId: ticket.id,
    at,
    details: { ...due.details },
  };
}
