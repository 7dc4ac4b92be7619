import { ApiError, itemsOf } from "../api.js";
import { hoursMinutes, slaState } from "../format.js";
import { h } from "./dom.js";
import { panelContent } from "./panel.js";
import { words } from "./words.js";

/**
 * A contract's open tickets with their SLA countdown (green, amber from `warnAt`, red once
 * breached), nearest deadline first. The countdown is redrawn as the state's clock moves on.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("./dom.js").RenderContext} RenderContext
 * @typedef {import("./words.js").Words} Words
 * @typedef {import("../loader.js").Loader} Loader
 */

/** @param {string} contractId */
export const ticketsKey = (contractId) => `${contractId}:tickets`;

/**
 * @param {Loader} loader
 * @param {any} contract
 */
export function loadTickets(loader, contract) {
  const base = `/contracts/${encodeURIComponent(contract.id)}/tickets`;
  return loader.panel(ticketsKey(contract.id), async () => {
    let body;
    try {
      body = await loader.get(`${base}?status=open`);
    } catch (error) {
      // A list that knows no `status` filter: fetch all and keep the open ones below.
      if (!(error instanceof ApiError && error.status === 400)) throw error;
      body = await loader.get(base);
    }
    return itemsOf(body)
      .filter((ticket) => !ticket.respondedAt)
      .sort((a, b) => String(a.responseDueAt).localeCompare(String(b.responseDueAt)));
  });
}

/** @param {any} contract */
export function ticketsView(contract) {
  return {
    /** @param {State} s */
    select: (s) => [s.language, s.panels[ticketsKey(contract.id)], s.now],
    /**
     * @param {State} s
     * @param {RenderContext} context
     */
    render(s, context) {
      const w = words(s.language);
      return panelContent(context, s.panels[ticketsKey(contract.id)], w, (/** @type {any[]} */ open) =>
        open.length === 0
          ? h("p", { class: "muted" }, w.t("noTickets"))
          : h(
              "ul",
              { class: "tickets-list" },
              open.map((ticket) => ticketItem(w, ticket, new Date(s.now))),
            ),
      );
    },
  };
}

/**
 * @param {Words} w
 * @param {any} ticket
 * @param {Date} now
 */
function ticketItem(w, ticket, now) {
  const t = w.t;
  const { state: sla, minutes } = slaState(ticket, now);
  const countdown =
    sla === "breached"
      ? t("slaBreached", { time: hoursMinutes(-minutes) })
      : sla === "met"
        ? t("slaMet")
        : t(sla === "warning" ? "slaWarning" : "slaOk", { time: hoursMinutes(minutes) });
  return h(
    "li",
    { class: "ticket", "data-ticket-id": ticket.id, "data-sla": sla },
    h("span", { class: `priority priority-${ticket.priority}` }, ticket.priority),
    h("span", { class: "subject" }, ticket.subject),
    h("span", { class: "countdown" }, countdown),
    h(
      "small",
      { class: "muted" },
      [
        ticket.receivedAt ? t("receivedAt", { at: w.dateTime(ticket.receivedAt) }) : "",
        ticket.responseDueAt ? t("dueAt", { at: w.dateTime(ticket.responseDueAt) }) : "",
      ]
        .filter(Boolean)
        .join(" · "),
    ),
  );
}
