import { describe, expect, it } from "vitest";
import { IdempotencyConflictError, ValidationError } from "../../domain/errors.js";
import { withFirstResponse } from "../../domain/ticket-clock.js";
import { InvalidTransitionError } from "../../domain/ticket-errors.js";
import { ticketClocks } from "../../domain/ticket-sla.js";
import {
  allowedEvents,
  appendEvent,
  TIMELINE_EVENT_TYPES,
  type TicketState,
  type TimelineEvent,
  type TimelineEventType,
  timelineOfV1Ticket,
  timelineStatus,
  visibleTimeline,
} from "../../domain/ticket-timeline.js";
import { aTicket } from "../support/tickets.js";
import { type Step, timelineOf } from "../support/timelines.js";

const RECEIVED = "2026-11-23T08:00:00Z";
const LATER = "2026-11-23T09:00:00Z";
const NOW = new Date("2026-11-23T10:00:00Z");

/** A timeline that leaves its ticket in each state (pending entered from open). */
const REACHING: Record<TicketState, Step[]> = {
  open: [],
  responded: [["responded", "2026-11-23T08:10:00Z"]],
  pending: [["pending", "2026-11-23T08:10:00Z"]],
  resolved: [["resolved", "2026-11-23T08:10:00Z"]],
  reopened: [
    ["resolved", "2026-11-23T08:10:00Z"],
    ["reopened", "2026-11-23T08:20:00Z"],
  ],
};

/** What each state accepts (SPEC §8), written out instead of derived from the module under test. */
const ALLOWED: Record<TicketState, TimelineEventType[]> = {
  open: ["responded", "pending", "resolved", "note"],
  responded: ["pending", "resolved", "note"],
  pending: ["resumed", "note"],
  resolved: ["reopened", "note"],
  reopened: ["responded", "pending", "resolved", "note"],
};

const STATES = Object.keys(REACHING) as TicketState[];

function event(type: TimelineEventType, at = LATER, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return { id: `evt_${type}`, type, at, by: "tech", ...extra };
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the action to throw");
}

describe("appendEvent transitions", () => {
  for (const state of STATES) {
    for (const type of TIMELINE_EVENT_TYPES.filter((t) => !ALLOWED[state].includes(t))) {
      it(`refuses ${type} on a ${state} ticket with invalid_transition`, () => {
        // Prepare
        const timeline = timelineOf(RECEIVED, ...REACHING[state]);
        // Act
        const error = thrown(() => appendEvent(timeline, event(type), NOW));
        // Assess
        expect(error).toBeInstanceOf(InvalidTransitionError);
        expect((error as InvalidTransitionError).code).toBe("invalid_transition");
        expect((error as InvalidTransitionError).details).toEqual({ from: state, event: type });
        expect(timelineStatus(timeline).state).toBe(state);
      });
    }
  }

  it("accepts exactly the allowed events in every state", () => {
    for (const state of STATES) {
      const timeline = timelineOf(RECEIVED, ...REACHING[state]);
      expect(allowedEvents(timelineStatus(timeline))).toEqual(
        TIMELINE_EVENT_TYPES.filter((t) => ALLOWED[state].includes(t)),
      );
      for (const type of ALLOWED[state]) {
        expect(appendEvent(timeline, event(type), NOW)).toHaveLength(timeline.length + 1);
      }
    }
  });

  it("refuses anything but opened as a timeline's first event", () => {
    for (const type of TIMELINE_EVENT_TYPES.filter((t) => t !== "opened")) {
      const error = thrown(() => appendEvent([], event(type), NOW));
      expect(error).toBeInstanceOf(InvalidTransitionError);
      expect((error as InvalidTransitionError).details).toEqual({ from: null, event: type });
    }
  });

  it("resumes a pending ticket to the state it left: open, responded or reopened", () => {
    const resumed = (state: TicketState) =>
      timelineStatus(
        appendEvent(
          appendEvent(
            timelineOf(RECEIVED, ...REACHING[state]),
            event("pending", "2026-11-23T08:30:00Z"),
            NOW,
          ),
          event("resumed", "2026-11-23T08:40:00Z"),
          NOW,
        ),
      ).state;
    expect(resumed("open")).toBe("open");
    expect(resumed("responded")).toBe("responded");
    expect(resumed("reopened")).toBe("reopened");
  });

  it("leads open → responded → pending → responded → resolved → reopened → resolved", () => {
    const timeline = timelineOf(
      RECEIVED,
      ["responded", "2026-11-23T08:05:00Z"],
      ["pending", "2026-11-23T08:10:00Z"],
      ["resumed", "2026-11-23T08:20:00Z"],
      ["note", "2026-11-23T08:25:00Z", { internal: true, message: "called the customer" }],
      ["resolved", "2026-11-23T08:30:00Z"],
      ["reopened", "2026-11-23T08:40:00Z"],
      ["resolved", "2026-11-23T08:50:00Z"],
    );
    expect(timeline.map((e) => e.type)).toEqual([
      "opened",
      "responded",
      "pending",
      "resumed",
      "note",
      "resolved",
      "reopened",
      "resolved",
    ]);
    expect(timelineStatus(timeline)).toEqual({ state: "resolved", resumesTo: null });
  });
});

describe("appendEvent validation", () => {
  const opened = timelineOf(RECEIVED, ["note", LATER]);

  it("refuses an at in the future with a ValidationError naming at", () => {
    const error = thrown(() => appendEvent(opened, event("responded", "2026-11-23T10:00:01Z"), NOW));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).details ?? {})).toEqual(["at"]);
  });

  it("refuses an at before the previous event with a ValidationError naming at", () => {
    const error = thrown(() => appendEvent(opened, event("responded", "2026-11-23T08:59:59Z"), NOW));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual({
      at: "must not be before the previous event at 2026-11-23T09:00:00Z",
    });
  });

  it("refuses an at that is not an instant with a ValidationError naming at", () => {
    const error = thrown(() => appendEvent(opened, event("responded", "yesterday"), NOW));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).details ?? {})).toEqual(["at"]);
  });

  it("checks the time before the transition: a bad at on a disallowed event is a ValidationError", () => {
    const error = thrown(() => appendEvent(opened, event("reopened", "2026-11-24T00:00:00Z"), NOW));
    expect(error).toBeInstanceOf(ValidationError);
  });

  it("accepts an event at the same instant as the previous one and at now", () => {
    const same = appendEvent(opened, event("responded", LATER), NOW);
    expect(appendEvent(same, event("pending", "2026-11-23T10:00:00Z"), NOW)).toHaveLength(4);
  });

  it("keeps at to the whole second, as the API stores instants", () => {
    const [, appended] = appendEvent(
      timelineOf(RECEIVED),
      event("responded", "2026-11-23T08:20:30.999Z"),
      NOW,
    );
    expect(appended?.at).toBe("2026-11-23T08:20:30Z");
  });

  it("lets only a note be internal", () => {
    const error = thrown(() => appendEvent(opened, event("responded", LATER, { internal: true }), NOW));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).details ?? {})).toEqual(["internal"]);
  });

  it("never changes the timeline it was given", () => {
    const before = JSON.stringify(opened);
    appendEvent(opened, event("responded"), NOW);
    expect(JSON.stringify(opened)).toBe(before);
  });
});

describe("appendEvent retries", () => {
  const resolved = timelineOf(RECEIVED, ["resolved", LATER, { id: "evt_resolve", message: "done" }]);

  it("leaves the timeline as it is when the same event comes again, though its state has moved on", () => {
    const retry = {
      id: "evt_resolve",
      type: "resolved" as const,
      at: "2026-11-23T09:30:00Z",
      by: "tech",
      message: "done",
    };
    expect(appendEvent(resolved, retry, NOW)).toEqual(resolved);
  });

  it("refuses another event under an id the timeline already holds with idempotency_conflict", () => {
    const other = { id: "evt_resolve", type: "note" as const, at: "2026-11-23T09:30:00Z", by: "tech" };
    const error = thrown(() => appendEvent(resolved, other, NOW));
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect((error as IdempotencyConflictError).code).toBe("idempotency_conflict");
  });
});

describe("visibleTimeline", () => {
  const timeline = timelineOf(
    RECEIVED,
    ["note", "2026-11-23T08:10:00Z", { internal: true, message: "customer's admin is on holiday" }],
    ["note", "2026-11-23T08:20:00Z", { message: "We are on it" }],
    ["responded", "2026-11-23T08:30:00Z", { message: "Fixed the printer" }],
  );

  it("hides internal notes from the customer and shows everything else", () => {
    expect(visibleTimeline(timeline, "customer").map((e) => e.message ?? e.type)).toEqual([
      "opened",
      "We are on it",
      "Fixed the printer",
    ]);
  });

  it("shows staff the whole timeline", () => {
    expect(visibleTimeline(timeline, "technician")).toEqual(timeline);
    expect(visibleTimeline(timeline, "admin")).toEqual(timeline);
  });
});

describe("timelineOfV1Ticket", () => {
  it("gives a v1 ticket the response clock it was opened with", () => {
    // Mon 23 November 2026 09:00 CET, P1: 60 minutes.
    const ticket = aTicket({ id: "tkt_1", receivedAt: RECEIVED });
    const clocks = ticketClocks(timelineOfV1Ticket(ticket), ticket.sla, ticket.priority, new Date(RECEIVED));
    expect(clocks.response.dueAt).toBe(ticket.responseDueAt);
    expect(clocks.response.warnAt).toBe(ticket.warnAt);
  });

  it("keeps a v1 ticket's first response and its outcome", () => {
    const ticket = withFirstResponse(aTicket({ id: "tkt_2", receivedAt: RECEIVED }), new Date(LATER), "tech");
    const timeline = timelineOfV1Ticket(ticket);
    expect(timeline.map((e) => [e.id, e.type, e.at])).toEqual([
      ["tkt_2-opened", "opened", RECEIVED],
      ["tkt_2-responded", "responded", LATER],
    ]);
    const response = ticketClocks(timeline, ticket.sla, ticket.priority, NOW).response;
    expect(response).toMatchObject({ met: ticket.slaMet, consumedMinutes: ticket.responseMinutes });
  });
});
