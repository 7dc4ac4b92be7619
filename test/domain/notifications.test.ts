import { describe, expect, it } from "vitest";
import type { Alert } from "../../domain/alert.js";
import {
  deliveryId,
  deliveryMoment,
  NOTIFIABLE_ALERT_TYPES,
  type NotifiableAlert,
  type NotifiableAlertType,
  normalizeDedicatedContacts,
  offersUnsubscribe,
  planDeliveries,
  type Recipient,
  recipientsOf,
} from "../../domain/notifications.js";
import { slaCalendar } from "../../domain/sla-calendar.js";
import { DEFAULT_SLA } from "../../domain/sla-terms.js";
import { anAlert, anAudience } from "../support/notification-fixtures.js";

function emailsOf(recipients: Recipient[]): string[] {
  return recipients.map((r) => r.email).sort();
}

const berlin5x8 = slaCalendar({ window: "5x8", timezone: "Europe/Berlin", holidays: "DE" });
const dedicated: Recipient = {
  email: "dana@provider.example",
  name: "Dana",
  language: "de",
  topic: "sla",
  role: "dedicated",
};

describe("normalizeDedicatedContacts", () => {
  it("reads a v1 plain string as a person with a name and no e-mail", () => {
    expect(normalizeDedicatedContacts(["Erika Mustermann"])).toEqual([{ name: "Erika Mustermann" }]);
  });

  it("keeps name, e-mail and phone of v2 entries and drops what is neither", () => {
    // Prepare
    const stored = [
      { name: "Dana", email: " dana@provider.example ", phone: "+49 30 1" },
      { name: "No Mail" },
      42,
      null,
      { email: "nameless@provider.example" },
      "",
    ];

    // Act
    const contacts = normalizeDedicatedContacts(stored);

    // Assess
    expect(contacts).toEqual([
      { name: "Dana", email: "dana@provider.example", phone: "+49 30 1" },
      { name: "No Mail" },
    ]);
  });

  it("reads a missing list as nobody", () => {
    expect(normalizeDedicatedContacts(undefined)).toEqual([]);
    expect(normalizeDedicatedContacts(DEFAULT_SLA.dedicatedContacts)).toEqual([]);
  });
});

describe("NotifiableAlert", () => {
  it("takes every stored v1 alert as it is", () => {
    // A compile-time check as much as a run-time one: a v1 Alert is a NotifiableAlert.
    const stored: Alert = { ...anAlert("quota.expired"), type: "quota.expired" };
    const notifiable: NotifiableAlert = stored;
    expect(recipientsOf(notifiable, anAudience()).map((r) => r.email)).toEqual(["nora@customer.example"]);
  });
});

describe("recipientsOf", () => {
  const expected: Record<NotifiableAlertType, string[]> = {
    "sla.warning": ["dana@provider.example", "sam@customer.example"],
    "sla.breached": ["dana@provider.example", "sam@customer.example"],
    "booking.rejected": ["dana@provider.example"],
    "quota.threshold": ["quinn@customer.example"],
    "backlog.over_estimate": ["quinn@customer.example"],
    "quota.expiring": ["nora@customer.example"],
    "pool.expiring": ["nora@customer.example"],
    "quota.expired": ["nora@customer.example"],
    "invoice.issued": ["billing@customer.example", "ines@customer.example"],
  };

  for (const type of NOTIFIABLE_ALERT_TYPES) {
    it(`sends ${type} to ${expected[type].join(" and ")}`, () => {
      expect(emailsOf(recipientsOf(anAlert(type), anAudience()))).toEqual(expected[type]);
    });
  }

  it("gives dedicated persons the contract's SLA alerts and rejected bookings, and nothing else", () => {
    // Prepare
    const audience = anAudience({ contacts: [], billingEmail: null });

    // Act
    const receiving = NOTIFIABLE_ALERT_TYPES.filter(
      (type) => recipientsOf(anAlert(type), audience).length > 0,
    );

    // Assess
    expect(receiving).toEqual(["sla.warning", "sla.breached", "booking.rejected"]);
  });

  it("mails nothing to a dedicated person known by name only", () => {
    const audience = anAudience({ dedicatedContacts: ["Old Style Name Only"], contacts: [] });
    expect(recipientsOf(anAlert("sla.breached"), audience)).toEqual([]);
  });

  it("always sends invoices to the billing e-mail, even with no contact taking invoices", () => {
    // Prepare
    const audience = anAudience({
      contacts: [],
      unsubscribed: [{ email: "billing@customer.example", topic: "invoices" }],
    });

    // Act
    const recipients = recipientsOf(anAlert("invoice.issued"), audience);

    // Assess
    expect(recipients).toEqual([
      {
        email: "billing@customer.example",
        name: "Muster GmbH",
        language: "de",
        topic: "invoices",
        role: "billing",
      },
    ]);
  });

  it("sends nothing to a contact whose topics are all off", () => {
    for (const type of NOTIFIABLE_ALERT_TYPES) {
      expect(emailsOf(recipientsOf(anAlert(type), anAudience()))).not.toContain("olaf@customer.example");
    }
  });

  it("leaves out a contact who unsubscribed from the topic, and only from that topic", () => {
    // Prepare
    const audience = anAudience({
      contacts: [
        { name: "Nora", email: "Nora@Customer.example", language: "de", topics: ["notices", "quota"] },
      ],
      unsubscribed: [{ email: "nora@customer.example", topic: "notices" }],
    });

    // Act & Assess
    expect(recipientsOf(anAlert("quota.expiring"), audience)).toEqual([]);
    expect(emailsOf(recipientsOf(anAlert("quota.threshold"), audience))).toEqual(["Nora@Customer.example"]);
  });

  it("mails a suppressed (bounced) address nothing, not even an invoice", () => {
    const audience = anAudience({ suppressed: ["BILLING@customer.example", "ines@customer.example"] });
    expect(recipientsOf(anAlert("invoice.issued"), audience)).toEqual([]);
  });

  it("sends one mail per address, whatever its case, keeping the strongest reason and the chosen language", () => {
    // Prepare: Dana is dedicated and also a contact for SLA alerts in English; the billing e-mail is also
    // a contact for invoices.
    const audience = anAudience({
      contacts: [
        { name: "Dana D.", email: "DANA@provider.example", language: "en", topics: ["sla"] },
        { name: "Accounts", email: "Billing@Customer.Example", language: "en", topics: ["invoices"] },
      ],
    });

    // Act
    const sla = recipientsOf(anAlert("sla.warning"), audience);
    const invoice = recipientsOf(anAlert("invoice.issued"), audience);

    // Assess
    expect(sla).toEqual([
      {
        email: "dana@provider.example",
        name: "Dana Dedicated",
        language: "en",
        topic: "sla",
        role: "dedicated",
      },
    ]);
    expect(invoice).toEqual([
      {
        email: "billing@customer.example",
        name: "Muster GmbH",
        language: "en",
        topic: "invoices",
        role: "billing",
      },
    ]);
  });

  it("writes to dedicated persons and the billing e-mail in the default language", () => {
    const audience = anAudience({ defaultLanguage: "en", contacts: [] });
    expect(recipientsOf(anAlert("booking.rejected"), audience).map((r) => r.language)).toEqual(["en"]);
    expect(recipientsOf(anAlert("invoice.issued"), audience).map((r) => r.language)).toEqual(["en"]);
  });
});

describe("offersUnsubscribe", () => {
  it("offers it on a contact's notices, never on invoices or to dedicated persons", () => {
    expect(offersUnsubscribe({ role: "contact", topic: "notices" })).toBe(true);
    expect(offersUnsubscribe({ role: "contact", topic: "sla" })).toBe(true);
    expect(offersUnsubscribe({ role: "contact", topic: "invoices" })).toBe(false);
    expect(offersUnsubscribe({ role: "billing", topic: "invoices" })).toBe(false);
    expect(offersUnsubscribe({ role: "dedicated", topic: "sla" })).toBe(false);
  });
});

describe("deliveryMoment", () => {
  it("sends a P1 SLA warning at once, even at 03:00 on a Sunday", () => {
    // Prepare
    const now = new Date("2026-12-06T02:00:00Z"); // Sunday 03:00 in Berlin
    const alert = anAlert("sla.warning", { details: { priority: "P1", target: "response" } });

    // Act & Assess
    expect(deliveryMoment(alert, dedicated, berlin5x8, now)).toEqual(now);
  });

  it("holds a P2 warning raised at 22:00 on a Friday (Berlin, 5x8) until Monday 08:00", () => {
    // Prepare
    const now = new Date("2026-12-04T21:00:00Z"); // Friday 22:00 CET
    const alert = anAlert("sla.warning");

    // Act
    const moment = deliveryMoment(alert, dedicated, berlin5x8, now);

    // Assess
    expect(moment.toISOString()).toBe("2026-12-07T07:00:00.000Z"); // Monday 08:00 CET
  });

  it("holds across a daylight-saving change to the next opening's local 08:00", () => {
    const now = new Date("2026-03-27T21:00:00Z"); // Friday 22:00 CET; clocks go forward on Sunday
    expect(deliveryMoment(anAlert("sla.warning"), dedicated, berlin5x8, now).toISOString()).toBe(
      "2026-03-30T06:00:00.000Z", // Monday 08:00 CEST
    );
  });

  it("holds over public holidays: Christmas Eve evening waits for Monday 28 December", () => {
    const now = new Date("2026-12-24T16:00:00Z"); // Thursday 17:00; 25th (Fri) and 26th (Sat) are holidays
    expect(deliveryMoment(anAlert("quota.threshold"), dedicated, berlin5x8, now).toISOString()).toBe(
      "2026-12-28T07:00:00.000Z",
    );
  });

  it("holds an invoice issued by the close at 00:05 on New Year's Day until the first working morning", () => {
    const now = new Date("2026-12-31T23:05:00Z"); // Friday 1 January 2027 00:05 CET, a holiday
    expect(deliveryMoment(anAlert("invoice.issued"), dedicated, berlin5x8, now).toISOString()).toBe(
      "2027-01-04T07:00:00.000Z",
    );
  });

  it("sends at once inside the window", () => {
    const now = new Date("2026-12-04T10:30:00Z"); // Friday 11:30 CET
    for (const type of NOTIFIABLE_ALERT_TYPES) {
      expect(deliveryMoment(anAlert(type), dedicated, berlin5x8, now)).toEqual(now);
    }
  });

  it("sends a breach at once even at the window's closing instant (SPEC §8: breaches at once)", () => {
    const now = new Date("2026-12-04T15:00:00Z"); // Friday 16:00 CET: the window has just closed
    expect(deliveryMoment(anAlert("sla.breached"), dedicated, berlin5x8, now)).toEqual(now);
  });

  it("sends everything at once under a 7x24 window", () => {
    const always = slaCalendar({ window: "7x24", timezone: "Europe/Berlin", holidays: "DE" });
    const now = new Date("2026-12-25T02:00:00Z");
    expect(deliveryMoment(anAlert("pool.expiring"), dedicated, always, now)).toEqual(now);
  });
});

describe("deliveryId", () => {
  it("is the same for the same alert and address in any case, and differs otherwise", () => {
    expect(deliveryId("alr_1", "Nora@Customer.example")).toBe(deliveryId("alr_1", "nora@customer.example "));
    expect(deliveryId("alr_1", "nora@customer.example")).not.toBe(
      deliveryId("alr_2", "nora@customer.example"),
    );
    expect(deliveryId("alr_1", "nora@customer.example")).not.toBe(
      deliveryId("alr_1", "sam@customer.example"),
    );
  });
});

describe("planDeliveries", () => {
  it("plans one delivery per recipient with its id and moment, the same on a second run", () => {
    // Prepare
    const alert = anAlert("sla.warning");
    const now = new Date("2026-12-04T21:00:00Z");

    // Act
    const first = planDeliveries(alert, anAudience(), berlin5x8, now);
    const again = planDeliveries(alert, anAudience(), berlin5x8, now);

    // Assess
    expect(first.map((d) => [d.id, d.sendAt.toISOString()])).toEqual([
      ["dlv#alr_sla_warning#dana@provider.example", "2026-12-07T07:00:00.000Z"],
      ["dlv#alr_sla_warning#sam@customer.example", "2026-12-07T07:00:00.000Z"],
    ]);
    expect(again).toEqual(first);
  });
});
