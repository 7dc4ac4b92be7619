/** Generated from /openapi.json by `npm run openapi:types`: do not edit. */
export interface paths {
  "/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness */
    get: operations["getHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This API as OpenAPI 3.1 */
    get: operations["getOpenapiJson"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List customers */
    get: operations["getCustomers"];
    put?: never;
    /** Create a customer */
    post: operations["postCustomers"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customers/{customerId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One customer */
    get: operations["getCustomersCustomerId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customers/{customerId}/contracts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's contracts */
    get: operations["getCustomersCustomerIdContracts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/contracts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a contract */
    post: operations["postContracts"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/contracts/{contractId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A contract with its balance */
    get: operations["getContractsContractId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/contracts/{contractId}/quota": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change the monthly quota from a month on */
    put: operations["putContractsContractIdQuota"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/contracts/{contractId}/topups": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Top up a prepaid pool */
    post: operations["postContractsContractIdTopups"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/contracts/{contractId}/balance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Balance of a month or pool */
    get: operations["getContractsContractIdBalance"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/contracts/{contractId}/bookings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bookings of a month */
    get: operations["getContractsContractIdBookings"];
    put?: never;
    /** Book hours */
    post: operations["postContractsContractIdBookings"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/contracts/{contractId}/bookings/{bookingId}/reversal": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reverse a booking */
    post: operations["postContractsContractIdBookingsBookingIdReversal"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/tickets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The ticket queue across customers, soonest deadline first */
    get: operations["getTickets"];
    put?: never;
    /** Open a ticket */
    post: operations["postTickets"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/tickets/{ticketId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A ticket with its SLA clock */
    get: operations["getTicketsTicketId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/tickets/{ticketId}/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add an event to a ticket's timeline */
    post: operations["postTicketsTicketIdEvents"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/contracts/{contractId}/tickets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tickets of a contract */
    get: operations["getContractsContractIdTickets"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/tickets/{ticketId}/responses": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the first response to a ticket */
    post: operations["postTicketsTicketIdResponses"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/alerts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alerts, newest first */
    get: operations["getAlerts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customers/{customerId}/sla-report": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How a customer's SLAs were kept in a month */
    get: operations["getCustomersCustomerIdSlaReport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/sla-sweep": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the SLA watch once now */
    post: operations["postAdminSlaSweep"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customers/{customerId}/statements/{month}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's statement of a month (JSON, or CSV with Accept: text/csv) */
    get: operations["getCustomersCustomerIdStatementsMonth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/month-close": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a month that has ended, as the schedule does (safe to repeat) */
    post: operations["postAdminMonthClose"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/month-close/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The last month closed system-wide (closedThrough) and the close runs */
    get: operations["getAdminMonthCloseStatus"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/settings/provider": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The provider's invoicing settings */
    get: operations["getSettingsProvider"];
    /** Set the provider's invoicing settings (invoicing starts once they are set) */
    put: operations["putSettingsProvider"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/invoices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invoices and credit notes, newest first */
    get: operations["getInvoices"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/invoices/{invoiceId}/credit-note": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Credit an invoice, wholly or some of its lines */
    post: operations["postInvoicesInvoiceIdCreditNote"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/invoices/{invoiceId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An invoice (JSON, XRechnung XML with Accept: application/xml, ZUGFeRD PDF with application/pdf) */
    get: operations["getInvoicesInvoiceId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            status: "ok";
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getOpenapiJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            openapi: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getCustomers: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              id: string;
              name: string;
              timezone: string;
              holidays: string | null;
              createdAt: string;
            }[];
            cursor?: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postCustomers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          timezone?: string;
          holidays?: string | null;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            timezone: string;
            holidays: string | null;
            createdAt: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getCustomersCustomerId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        customerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            name: string;
            timezone: string;
            holidays: string | null;
            createdAt: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getCustomersCustomerIdContracts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        customerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: (
              | {
                  id: string;
                  customerId: string;
                  /** @enum {string} */
                  status: "active" | "ended" | "expired";
                  categories: ("service" | "project" | "consulting" | "training")[];
                  billingIncrementMinutes: number;
                  overage: {
                    /** @enum {string} */
                    policy: "block" | "bill";
                    rateCentsPerHour: number;
                  };
                  sla: {
                    window:
                      | ("5x8" | "5x10" | "5x12" | "7x24")
                      | {
                          days: number[];
                          from: string;
                          to: string;
                        }[];
                    timezone: string;
                    holidays: string | null;
                    responseMinutes: {
                      P1: number;
                      P2: number;
                      P3: number;
                      P4: number;
                    };
                    resolutionMinutes?: {
                      P1: number;
                      P2: number;
                      P3: number;
                      P4: number;
                    };
                    warnAtPercent: number;
                    dedicatedContacts: string[];
                  };
                  closedThroughMonth: string | null;
                  createdAt: string;
                  /** @constant */
                  kind: "monthly";
                  startMonth: string;
                  endMonth: string | null;
                  quotaSchedule: {
                    effectiveMonth: string;
                    monthlyQuotaMinutes: number;
                  }[];
                  feeCentsPerMonth: number;
                  fallbackContractId: string | null;
                }
              | {
                  id: string;
                  customerId: string;
                  /** @enum {string} */
                  status: "active" | "ended" | "expired";
                  categories: ("service" | "project" | "consulting" | "training")[];
                  billingIncrementMinutes: number;
                  overage: {
                    /** @enum {string} */
                    policy: "block" | "bill";
                    rateCentsPerHour: number;
                  };
                  sla: {
                    window:
                      | ("5x8" | "5x10" | "5x12" | "7x24")
                      | {
                          days: number[];
                          from: string;
                          to: string;
                        }[];
                    timezone: string;
                    holidays: string | null;
                    responseMinutes: {
                      P1: number;
                      P2: number;
                      P3: number;
                      P4: number;
                    };
                    resolutionMinutes?: {
                      P1: number;
                      P2: number;
                      P3: number;
                      P4: number;
                    };
                    warnAtPercent: number;
                    dedicatedContacts: string[];
                  };
                  closedThroughMonth: string | null;
                  createdAt: string;
                  /** @constant */
                  kind: "prepaid";
                  monthlyBasisMinutes: number;
                  termYears: 1 | 3;
                  startDate: string;
                  endDate: string;
                  priceCents: number;
                }
            )[];
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postContracts: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json":
          | {
              customerId: string;
              categories?: ("service" | "project" | "consulting" | "training")[];
              billingIncrementMinutes?: number;
              overage?: {
                /** @enum {string} */
                policy: "block" | "bill";
                rateCentsPerHour?: number;
              };
              sla?: {
                window?:
                  | ("5x8" | "5x10" | "5x12" | "7x24")
                  | {
                      days: number[];
                      from: string;
                      to: string;
                    }[];
                timezone?: string;
                holidays?: string | null;
                responseMinutes?: {
                  P1: number;
                  P2: number;
                  P3: number;
                  P4: number;
                };
                resolutionMinutes?: {
                  P1: number;
                  P2: number;
                  P3: number;
                  P4: number;
                };
                warnAtPercent?: number;
                dedicatedContacts?: string[];
              };
              /** @constant */
              kind: "monthly";
              monthlyQuotaMinutes: number;
              startMonth: string;
              endMonth?: string | null;
              feeCentsPerMonth?: number;
              fallbackContractId?: string | null;
            }
          | {
              customerId: string;
              categories?: ("service" | "project" | "consulting" | "training")[];
              billingIncrementMinutes?: number;
              overage?: {
                /** @enum {string} */
                policy: "block" | "bill";
                rateCentsPerHour?: number;
              };
              sla?: {
                window?:
                  | ("5x8" | "5x10" | "5x12" | "7x24")
                  | {
                      days: number[];
                      from: string;
                      to: string;
                    }[];
                timezone?: string;
                holidays?: string | null;
                responseMinutes?: {
                  P1: number;
                  P2: number;
                  P3: number;
                  P4: number;
                };
                resolutionMinutes?: {
                  P1: number;
                  P2: number;
                  P3: number;
                  P4: number;
                };
                warnAtPercent?: number;
                dedicatedContacts?: string[];
              };
              /** @constant */
              kind: "prepaid";
              monthlyBasisMinutes: number;
              termYears: 1 | 3;
              /** Format: date */
              startDate: string;
              priceCents?: number;
            };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json":
            | {
                id: string;
                customerId: string;
                /** @enum {string} */
                status: "active" | "ended" | "expired";
                categories: ("service" | "project" | "consulting" | "training")[];
                billingIncrementMinutes: number;
                overage: {
                  /** @enum {string} */
                  policy: "block" | "bill";
                  rateCentsPerHour: number;
                };
                sla: {
                  window:
                    | ("5x8" | "5x10" | "5x12" | "7x24")
                    | {
                        days: number[];
                        from: string;
                        to: string;
                      }[];
                  timezone: string;
                  holidays: string | null;
                  responseMinutes: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  resolutionMinutes?: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  warnAtPercent: number;
                  dedicatedContacts: string[];
                };
                closedThroughMonth: string | null;
                createdAt: string;
                /** @constant */
                kind: "monthly";
                startMonth: string;
                endMonth: string | null;
                quotaSchedule: {
                  effectiveMonth: string;
                  monthlyQuotaMinutes: number;
                }[];
                feeCentsPerMonth: number;
                fallbackContractId: string | null;
                invoicing:
                  | {
                      /** @constant */
                      status: "issued";
                      invoiceId: string;
                      number: string | null;
                    }
                  | {
                      /** @enum {string} */
                      status: "not_configured" | "no_billing" | "zero" | "waiting";
                    };
              }
            | {
                id: string;
                customerId: string;
                /** @enum {string} */
                status: "active" | "ended" | "expired";
                categories: ("service" | "project" | "consulting" | "training")[];
                billingIncrementMinutes: number;
                overage: {
                  /** @enum {string} */
                  policy: "block" | "bill";
                  rateCentsPerHour: number;
                };
                sla: {
                  window:
                    | ("5x8" | "5x10" | "5x12" | "7x24")
                    | {
                        days: number[];
                        from: string;
                        to: string;
                      }[];
                  timezone: string;
                  holidays: string | null;
                  responseMinutes: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  resolutionMinutes?: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  warnAtPercent: number;
                  dedicatedContacts: string[];
                };
                closedThroughMonth: string | null;
                createdAt: string;
                /** @constant */
                kind: "prepaid";
                monthlyBasisMinutes: number;
                termYears: 1 | 3;
                startDate: string;
                endDate: string;
                priceCents: number;
                invoicing:
                  | {
                      /** @constant */
                      status: "issued";
                      invoiceId: string;
                      number: string | null;
                    }
                  | {
                      /** @enum {string} */
                      status: "not_configured" | "no_billing" | "zero" | "waiting";
                    };
              };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict" | "period_closed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getContractsContractId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contractId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json":
            | {
                id: string;
                customerId: string;
                /** @enum {string} */
                status: "active" | "ended" | "expired";
                categories: ("service" | "project" | "consulting" | "training")[];
                billingIncrementMinutes: number;
                overage: {
                  /** @enum {string} */
                  policy: "block" | "bill";
                  rateCentsPerHour: number;
                };
                sla: {
                  window:
                    | ("5x8" | "5x10" | "5x12" | "7x24")
                    | {
                        days: number[];
                        from: string;
                        to: string;
                      }[];
                  timezone: string;
                  holidays: string | null;
                  responseMinutes: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  resolutionMinutes?: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  warnAtPercent: number;
                  dedicatedContacts: string[];
                };
                closedThroughMonth: string | null;
                createdAt: string;
                /** @constant */
                kind: "monthly";
                startMonth: string;
                endMonth: string | null;
                quotaSchedule: {
                  effectiveMonth: string;
                  monthlyQuotaMinutes: number;
                }[];
                feeCentsPerMonth: number;
                fallbackContractId: string | null;
                balance:
                  | {
                      month: string;
                      /** @enum {string} */
                      status: "open" | "closed";
                      quotaMinutes: number;
                      usedMinutes: number;
                      remainingMinutes: number;
                      fromPoolMinutes: number;
                      overageMinutes: number;
                      expiredMinutes: number;
                      forecast: {
                        projectedUsedMinutes: number;
                        projectedExpiringMinutes: number;
                        projectedOverageMinutes: number;
                      };
                    }
                  | {
                      /** @enum {string} */
                      status: "active" | "ended" | "expired";
                      totalMinutes: number;
                      usedMinutes: number;
                      remainingMinutes: number;
                      overageMinutes: number;
                      expiredMinutes: number;
                      termStart: string;
                      termEnd: string;
                      forecast: {
                        burnMinutesPerMonth: number;
                        exhaustsOn: string | null;
                        expiringMinutesAtTermEnd: number;
                      };
                    };
              }
            | {
                id: string;
                customerId: string;
                /** @enum {string} */
                status: "active" | "ended" | "expired";
                categories: ("service" | "project" | "consulting" | "training")[];
                billingIncrementMinutes: number;
                overage: {
                  /** @enum {string} */
                  policy: "block" | "bill";
                  rateCentsPerHour: number;
                };
                sla: {
                  window:
                    | ("5x8" | "5x10" | "5x12" | "7x24")
                    | {
                        days: number[];
                        from: string;
                        to: string;
                      }[];
                  timezone: string;
                  holidays: string | null;
                  responseMinutes: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  resolutionMinutes?: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  warnAtPercent: number;
                  dedicatedContacts: string[];
                };
                closedThroughMonth: string | null;
                createdAt: string;
                /** @constant */
                kind: "prepaid";
                monthlyBasisMinutes: number;
                termYears: 1 | 3;
                startDate: string;
                endDate: string;
                priceCents: number;
                balance:
                  | {
                      month: string;
                      /** @enum {string} */
                      status: "open" | "closed";
                      quotaMinutes: number;
                      usedMinutes: number;
                      remainingMinutes: number;
                      fromPoolMinutes: number;
                      overageMinutes: number;
                      expiredMinutes: number;
                      forecast: {
                        projectedUsedMinutes: number;
                        projectedExpiringMinutes: number;
                        projectedOverageMinutes: number;
                      };
                    }
                  | {
                      /** @enum {string} */
                      status: "active" | "ended" | "expired";
                      totalMinutes: number;
                      usedMinutes: number;
                      remainingMinutes: number;
                      overageMinutes: number;
                      expiredMinutes: number;
                      termStart: string;
                      termEnd: string;
                      forecast: {
                        burnMinutesPerMonth: number;
                        exhaustsOn: string | null;
                        expiringMinutesAtTermEnd: number;
                      };
                    };
              };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  putContractsContractIdQuota: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path: {
        contractId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          monthlyQuotaMinutes: number;
          effectiveMonth: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json":
            | {
                id: string;
                customerId: string;
                /** @enum {string} */
                status: "active" | "ended" | "expired";
                categories: ("service" | "project" | "consulting" | "training")[];
                billingIncrementMinutes: number;
                overage: {
                  /** @enum {string} */
                  policy: "block" | "bill";
                  rateCentsPerHour: number;
                };
                sla: {
                  window:
                    | ("5x8" | "5x10" | "5x12" | "7x24")
                    | {
                        days: number[];
                        from: string;
                        to: string;
                      }[];
                  timezone: string;
                  holidays: string | null;
                  responseMinutes: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  resolutionMinutes?: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  warnAtPercent: number;
                  dedicatedContacts: string[];
                };
                closedThroughMonth: string | null;
                createdAt: string;
                /** @constant */
                kind: "monthly";
                startMonth: string;
                endMonth: string | null;
                quotaSchedule: {
                  effectiveMonth: string;
                  monthlyQuotaMinutes: number;
                }[];
                feeCentsPerMonth: number;
                fallbackContractId: string | null;
              }
            | {
                id: string;
                customerId: string;
                /** @enum {string} */
                status: "active" | "ended" | "expired";
                categories: ("service" | "project" | "consulting" | "training")[];
                billingIncrementMinutes: number;
                overage: {
                  /** @enum {string} */
                  policy: "block" | "bill";
                  rateCentsPerHour: number;
                };
                sla: {
                  window:
                    | ("5x8" | "5x10" | "5x12" | "7x24")
                    | {
                        days: number[];
                        from: string;
                        to: string;
                      }[];
                  timezone: string;
                  holidays: string | null;
                  responseMinutes: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  resolutionMinutes?: {
                    P1: number;
                    P2: number;
                    P3: number;
                    P4: number;
                  };
                  warnAtPercent: number;
                  dedicatedContacts: string[];
                };
                closedThroughMonth: string | null;
                createdAt: string;
                /** @constant */
                kind: "prepaid";
                monthlyBasisMinutes: number;
                termYears: 1 | 3;
                startDate: string;
                endDate: string;
                priceCents: number;
              };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict" | "period_closed" | "quota_below_usage";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Too much contention; retry */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "too_much_contention";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postContractsContractIdTopups: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path: {
        contractId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          minutes: number;
          note?: string;
          priceCents?: number;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            contractId: string;
            minutes: number;
            note: string | null;
            at: string;
            totalMinutes: number;
            invoicing:
              | {
                  /** @constant */
                  status: "issued";
                  invoiceId: string;
                  number: string | null;
                }
              | {
                  /** @enum {string} */
                  status: "not_configured" | "no_billing" | "zero" | "waiting";
                };
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict" | "period_closed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getContractsContractIdBalance: {
    parameters: {
      query?: {
        month?: string;
      };
      header?: never;
      path: {
        contractId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json":
            | {
                month: string;
                /** @enum {string} */
                status: "open" | "closed";
                quotaMinutes: number;
                usedMinutes: number;
                remainingMinutes: number;
                fromPoolMinutes: number;
                overageMinutes: number;
                expiredMinutes: number;
                forecast: {
                  projectedUsedMinutes: number;
                  projectedExpiringMinutes: number;
                  projectedOverageMinutes: number;
                };
              }
            | {
                /** @enum {string} */
                status: "active" | "ended" | "expired";
                totalMinutes: number;
                usedMinutes: number;
                remainingMinutes: number;
                overageMinutes: number;
                expiredMinutes: number;
                termStart: string;
                termEnd: string;
                forecast: {
                  burnMinutesPerMonth: number;
                  exhaustsOn: string | null;
                  expiringMinutesAtTermEnd: number;
                };
              };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getContractsContractIdBookings: {
    parameters: {
      query?: {
        month?: string;
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        contractId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              id: string;
              contractId: string;
              customerId: string;
              date: string;
              month: string;
              minutes: number;
              billedMinutes: number;
              fromQuotaMinutes: number;
              fromPoolMinutes: number;
              poolContractId: string | null;
              overageMinutes: number;
              /** @enum {string} */
              category: "service" | "project" | "consulting" | "training";
              description: string;
              ticketId: string | null;
              technician: string;
              /** @enum {string} */
              status: "booked" | "reversed";
              reversal: {
                id: string;
                at: string;
                by: string;
                reason: string | null;
              } | null;
              createdAt: string;
              createdBy: string;
            }[];
            cursor?: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postContractsContractIdBookings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path: {
        contractId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: date */
          date: string;
          minutes: number;
          /** @enum {string} */
          category: "service" | "project" | "consulting" | "training";
          description: string;
          ticketId?: string | null;
          technician?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            contractId: string;
            customerId: string;
            date: string;
            month: string;
            minutes: number;
            billedMinutes: number;
            fromQuotaMinutes: number;
            fromPoolMinutes: number;
            poolContractId: string | null;
            overageMinutes: number;
            /** @enum {string} */
            category: "service" | "project" | "consulting" | "training";
            description: string;
            ticketId: string | null;
            technician: string;
            /** @enum {string} */
            status: "booked" | "reversed";
            reversal: {
              id: string;
              at: string;
              by: string;
              reason: string | null;
            } | null;
            createdAt: string;
            createdBy: string;
            balance:
              | {
                  month: string;
                  /** @enum {string} */
                  status: "open" | "closed";
                  quotaMinutes: number;
                  usedMinutes: number;
                  remainingMinutes: number;
                  fromPoolMinutes: number;
                  overageMinutes: number;
                  expiredMinutes: number;
                  forecast: {
                    projectedUsedMinutes: number;
                    projectedExpiringMinutes: number;
                    projectedOverageMinutes: number;
                  };
                }
              | {
                  /** @enum {string} */
                  status: "active" | "ended" | "expired";
                  totalMinutes: number;
                  usedMinutes: number;
                  remainingMinutes: number;
                  overageMinutes: number;
                  expiredMinutes: number;
                  termStart: string;
                  termEnd: string;
                  forecast: {
                    burnMinutesPerMonth: number;
                    exhaustsOn: string | null;
                    expiringMinutesAtTermEnd: number;
                  };
                };
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code:
                | "idempotency_conflict"
                | "quota_exceeded"
                | "period_closed"
                | "category_not_covered"
                | "contract_inactive";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Too much contention; retry */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "too_much_contention";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postContractsContractIdBookingsBookingIdReversal: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path: {
        contractId: string;
        bookingId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            contractId: string;
            customerId: string;
            date: string;
            month: string;
            minutes: number;
            billedMinutes: number;
            fromQuotaMinutes: number;
            fromPoolMinutes: number;
            poolContractId: string | null;
            overageMinutes: number;
            /** @enum {string} */
            category: "service" | "project" | "consulting" | "training";
            description: string;
            ticketId: string | null;
            technician: string;
            /** @enum {string} */
            status: "booked" | "reversed";
            reversal: {
              id: string;
              at: string;
              by: string;
              reason: string | null;
            } | null;
            createdAt: string;
            createdBy: string;
            balance:
              | {
                  month: string;
                  /** @enum {string} */
                  status: "open" | "closed";
                  quotaMinutes: number;
                  usedMinutes: number;
                  remainingMinutes: number;
                  fromPoolMinutes: number;
                  overageMinutes: number;
                  expiredMinutes: number;
                  forecast: {
                    projectedUsedMinutes: number;
                    projectedExpiringMinutes: number;
                    projectedOverageMinutes: number;
                  };
                }
              | {
                  /** @enum {string} */
                  status: "active" | "ended" | "expired";
                  totalMinutes: number;
                  usedMinutes: number;
                  remainingMinutes: number;
                  overageMinutes: number;
                  expiredMinutes: number;
                  termStart: string;
                  termEnd: string;
                  forecast: {
                    burnMinutesPerMonth: number;
                    exhaustsOn: string | null;
                    expiringMinutesAtTermEnd: number;
                  };
                };
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict" | "already_reversed" | "period_closed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Too much contention; retry */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "too_much_contention";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getTickets: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: "open" | "responded" | "pending" | "resolved" | "reopened";
        customerId?: string;
        priority?: "P1" | "P2" | "P3" | "P4";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              id: string;
              contractId: string;
              customerId: string;
              /** @enum {string} */
              priority: "P1" | "P2" | "P3" | "P4";
              subject: string;
              description?: string;
              contact?: {
                name: string;
                email?: string;
                phone?: string;
              };
              externalRef?: string;
              /** @enum {string} */
              status: "open" | "responded" | "pending" | "resolved" | "reopened";
              receivedAt: string;
              responseDueAt: string | null;
              warnAt: string | null;
              responseWarnAt: string | null;
              resolutionDueAt: string | null;
              resolutionWarnAt: string | null;
              pausedSince: string | null;
              respondedAt?: string;
              slaMet?: boolean | null;
              responseMinutes?: number | null;
              breached: boolean;
              sla: {
                response: {
                  /** @enum {string} */
                  state: "running" | "paused" | "done";
                  targetMinutes: number;
                  consumedMinutes: number;
                  dueAt: string | null;
                  warnAt: string | null;
                  metAt: string | null;
                  met: boolean | null;
                  breached: boolean;
                };
                resolution: {
                  /** @enum {string} */
                  state: "running" | "paused" | "done";
                  targetMinutes: number;
                  consumedMinutes: number;
                  dueAt: string | null;
                  warnAt: string | null;
                  metAt: string | null;
                  met: boolean | null;
                  breached: boolean;
                };
              };
              timeline: {
                id: string;
                /** @enum {string} */
                type: "opened" | "responded" | "pending" | "resumed" | "resolved" | "reopened" | "note";
                at: string;
                by: string;
                message?: string;
                /** @constant */
                internal?: true;
              }[];
              allowedEvents: (
                | "opened"
                | "responded"
                | "pending"
                | "resumed"
                | "resolved"
                | "reopened"
                | "note"
              )[];
              createdAt: string;
            }[];
            cursor?: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postTickets: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          contractId: string;
          /** @enum {string} */
          priority: "P1" | "P2" | "P3" | "P4";
          subject: string;
          /** Format: date-time */
          receivedAt?: string;
          description?: string;
          contact?: {
            name: string;
            /** Format: email */
            email?: string;
            phone?: string;
          };
          externalRef?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            contractId: string;
            customerId: string;
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            subject: string;
            description?: string;
            contact?: {
              name: string;
              email?: string;
              phone?: string;
            };
            externalRef?: string;
            /** @enum {string} */
            status: "open" | "responded" | "pending" | "resolved" | "reopened";
            receivedAt: string;
            responseDueAt: string | null;
            warnAt: string | null;
            responseWarnAt: string | null;
            resolutionDueAt: string | null;
            resolutionWarnAt: string | null;
            pausedSince: string | null;
            respondedAt?: string;
            slaMet?: boolean | null;
            responseMinutes?: number | null;
            breached: boolean;
            sla: {
              response: {
                /** @enum {string} */
                state: "running" | "paused" | "done";
                targetMinutes: number;
                consumedMinutes: number;
                dueAt: string | null;
                warnAt: string | null;
                metAt: string | null;
                met: boolean | null;
                breached: boolean;
              };
              resolution: {
                /** @enum {string} */
                state: "running" | "paused" | "done";
                targetMinutes: number;
                consumedMinutes: number;
                dueAt: string | null;
                warnAt: string | null;
                metAt: string | null;
                met: boolean | null;
                breached: boolean;
              };
            };
            timeline: {
              id: string;
              /** @enum {string} */
              type: "opened" | "responded" | "pending" | "resumed" | "resolved" | "reopened" | "note";
              at: string;
              by: string;
              message?: string;
              /** @constant */
              internal?: true;
            }[];
            allowedEvents: (
              | "opened"
              | "responded"
              | "pending"
              | "resumed"
              | "resolved"
              | "reopened"
              | "note"
            )[];
            createdAt: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict" | "contract_inactive" | "period_closed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getTicketsTicketId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            contractId: string;
            customerId: string;
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            subject: string;
            description?: string;
            contact?: {
              name: string;
              email?: string;
              phone?: string;
            };
            externalRef?: string;
            /** @enum {string} */
            status: "open" | "responded" | "pending" | "resolved" | "reopened";
            receivedAt: string;
            responseDueAt: string | null;
            warnAt: string | null;
            responseWarnAt: string | null;
            resolutionDueAt: string | null;
            resolutionWarnAt: string | null;
            pausedSince: string | null;
            respondedAt?: string;
            slaMet?: boolean | null;
            responseMinutes?: number | null;
            breached: boolean;
            sla: {
              response: {
                /** @enum {string} */
                state: "running" | "paused" | "done";
                targetMinutes: number;
                consumedMinutes: number;
                dueAt: string | null;
                warnAt: string | null;
                metAt: string | null;
                met: boolean | null;
                breached: boolean;
              };
              resolution: {
                /** @enum {string} */
                state: "running" | "paused" | "done";
                targetMinutes: number;
                consumedMinutes: number;
                dueAt: string | null;
                warnAt: string | null;
                metAt: string | null;
                met: boolean | null;
                breached: boolean;
              };
            };
            timeline: {
              id: string;
              /** @enum {string} */
              type: "opened" | "responded" | "pending" | "resumed" | "resolved" | "reopened" | "note";
              at: string;
              by: string;
              message?: string;
              /** @constant */
              internal?: true;
            }[];
            allowedEvents: (
              | "opened"
              | "responded"
              | "pending"
              | "resumed"
              | "resolved"
              | "reopened"
              | "note"
            )[];
            createdAt: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postTicketsTicketIdEvents: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          type: "responded" | "pending" | "resumed" | "resolved" | "reopened" | "note";
          /** Format: date-time */
          at?: string;
          message?: string;
          internal?: boolean;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            contractId: string;
            customerId: string;
            /** @enum {string} */
            priority: "P1" | "P2" | "P3" | "P4";
            subject: string;
            description?: string;
            contact?: {
              name: string;
              email?: string;
              phone?: string;
            };
            externalRef?: string;
            /** @enum {string} */
            status: "open" | "responded" | "pending" | "resolved" | "reopened";
            receivedAt: string;
            responseDueAt: string | null;
            warnAt: string | null;
            responseWarnAt: string | null;
            resolutionDueAt: string | null;
            resolutionWarnAt: string | null;
            pausedSince: string | null;
            respondedAt?: string;
            slaMet?: boolean | null;
            responseMinutes?: number | null;
            breached: boolean;
            sla: {
              response: {
                /** @enum {string} */
                state: "running" | "paused" | "done";
                targetMinutes: number;
                consumedMinutes: number;
                dueAt: string | null;
                warnAt: string | null;
                metAt: string | null;
                met: boolean | null;
                breached: boolean;
              };
              resolution: {
                /** @enum {string} */
                state: "running" | "paused" | "done";
                targetMinutes: number;
                consumedMinutes: number;
                dueAt: string | null;
                warnAt: string | null;
                metAt: string | null;
                met: boolean | null;
                breached: boolean;
              };
            };
            timeline: {
              id: string;
              /** @enum {string} */
              type: "opened" | "responded" | "pending" | "resumed" | "resolved" | "reopened" | "note";
              at: string;
              by: string;
              message?: string;
              /** @constant */
              internal?: true;
            }[];
            allowedEvents: (
              | "opened"
              | "responded"
              | "pending"
              | "resumed"
              | "resolved"
              | "reopened"
              | "note"
            )[];
            createdAt: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict" | "invalid_transition";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getContractsContractIdTickets: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: "open" | "responded" | "pending" | "resolved" | "reopened";
      };
      header?: never;
      path: {
        contractId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              id: string;
              contractId: string;
              customerId: string;
              /** @enum {string} */
              priority: "P1" | "P2" | "P3" | "P4";
              subject: string;
              description?: string;
              contact?: {
                name: string;
                email?: string;
                phone?: string;
              };
              externalRef?: string;
              /** @enum {string} */
              status: "open" | "responded" | "pending" | "resolved" | "reopened";
              receivedAt: string;
              responseDueAt: string | null;
              warnAt: string | null;
              responseWarnAt: string | null;
              resolutionDueAt: string | null;
              resolutionWarnAt: string | null;
              pausedSince: string | null;
              respondedAt?: string;
              slaMet?: boolean | null;
              responseMinutes?: number | null;
              breached: boolean;
              sla: {
                response: {
                  /** @enum {string} */
                  state: "running" | "paused" | "done";
                  targetMinutes: number;
                  consumedMinutes: number;
                  dueAt: string | null;
                  warnAt: string | null;
                  metAt: string | null;
                  met: boolean | null;
                  breached: boolean;
                };
                resolution: {
                  /** @enum {string} */
                  state: "running" | "paused" | "done";
                  targetMinutes: number;
                  consumedMinutes: number;
                  dueAt: string | null;
                  warnAt: string | null;
                  metAt: string | null;
                  met: boolean | null;
                  breached: boolean;
                };
              };
              timeline: {
                id: string;
                /** @enum {string} */
                type: "opened" | "responded" | "pending" | "resumed" | "resolved" | "reopened" | "note";
                at: string;
                by: string;
                message?: string;
                /** @constant */
                internal?: true;
              }[];
              allowedEvents: (
                | "opened"
                | "responded"
                | "pending"
                | "resumed"
                | "resolved"
                | "reopened"
                | "note"
              )[];
              createdAt: string;
            }[];
            cursor?: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postTicketsTicketIdResponses: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            ticketId: string;
            respondedAt: string | null;
            slaMet: boolean | null;
            responseMinutes: number | null;
            responseDueAt: string | null;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getAlerts: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        customerId?: string;
        type?:
          | "sla.warning"
          | "sla.breached"
          | "quota.threshold"
          | "quota.expired"
          | "quota.expiring"
          | "pool.expiring"
          | "invoice.issued";
        since?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              id: string;
              /** @enum {string} */
              type:
                | "sla.warning"
                | "sla.breached"
                | "quota.threshold"
                | "quota.expired"
                | "quota.expiring"
                | "pool.expiring"
                | "invoice.issued";
              customerId: string;
              contractId: string;
              ticketId?: string;
              month?: string;
              at: string;
              details: {
                [key: string]: unknown;
              };
            }[];
            cursor?: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getCustomersCustomerIdSlaReport: {
    parameters: {
      query?: {
        month?: string;
      };
      header?: never;
      path: {
        customerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            customerId: string;
            month: string;
            tickets: number;
            met: number;
            breached: number;
            open: number;
            compliancePercent: number | null;
            medianResponseMinutes: number | null;
            response: {
              met: number;
              breached: number;
              open: number;
              metPercent: number | null;
            };
            resolution: {
              met: number;
              breached: number;
              open: number;
              metPercent: number | null;
            };
            pendingMinutes: number;
            byPriority: {
              P1: {
                tickets: number;
                met: number;
                breached: number;
                open: number;
                compliancePercent: number | null;
                medianResponseMinutes: number | null;
                response: {
                  met: number;
                  breached: number;
                  open: number;
                  metPercent: number | null;
                };
                resolution: {
                  met: number;
                  breached: number;
                  open: number;
                  metPercent: number | null;
                };
                pendingMinutes: number;
              };
              P2: {
                tickets: number;
                met: number;
                breached: number;
                open: number;
                compliancePercent: number | null;
                medianResponseMinutes: number | null;
                response: {
                  met: number;
                  breached: number;
                  open: number;
                  metPercent: number | null;
                };
                resolution: {
                  met: number;
                  breached: number;
                  open: number;
                  metPercent: number | null;
                };
                pendingMinutes: number;
              };
              P3: {
                tickets: number;
                met: number;
                breached: number;
                open: number;
                compliancePercent: number | null;
                medianResponseMinutes: number | null;
                response: {
                  met: number;
                  breached: number;
                  open: number;
                  metPercent: number | null;
                };
                resolution: {
                  met: number;
                  breached: number;
                  open: number;
                  metPercent: number | null;
                };
                pendingMinutes: number;
              };
              P4: {
                tickets: number;
                met: number;
                breached: number;
                open: number;
                compliancePercent: number | null;
                medianResponseMinutes: number | null;
                response: {
                  met: number;
                  breached: number;
                  open: number;
                  metPercent: number | null;
                };
                resolution: {
                  met: number;
                  breached: number;
                  open: number;
                  metPercent: number | null;
                };
                pendingMinutes: number;
              };
            };
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postAdminSlaSweep: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            sweptAt: string;
            due: number;
            notQueued: number;
            read: number;
            published: number;
            publishFailed: number;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getCustomersCustomerIdStatementsMonth: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        customerId: string;
        month: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            customerId: string;
            month: string;
            /** @enum {string} */
            status: "open" | "closed";
            totalCents: number;
            contracts: {
              contractId: string;
              /** @enum {string} */
              kind: "monthly" | "prepaid";
              /** @enum {string} */
              status: "open" | "closed";
              quotaMinutes: number;
              usedMinutes: number;
              usedByCategory: {
                service: number;
                project: number;
                consulting: number;
                training: number;
              };
              fromPoolMinutes: number;
              cascadedInMinutes?: number;
              termStart?: string | null;
              termEnd?: string | null;
              overageMinutes: number;
              overageCents: number;
              expiredMinutes: number;
              remainingMinutes: number;
              feeCents: number;
              closedAt: string | null;
              bookingCount: number;
              bookings: {
                id: string;
                date: string;
                /** @enum {string} */
                category: "service" | "project" | "consulting" | "training";
                description: string;
                ticketId: string | null;
                technician: string;
                minutes: number;
                billedMinutes: number;
                fromQuotaMinutes: number;
                fromPoolMinutes: number;
                overageMinutes: number;
              }[];
            }[];
            sla: {
              month: string;
              tickets: number;
              met: number;
              breached: number;
              open: number;
              compliancePercent: number | null;
              medianResponseMinutes: number | null;
              response: {
                met: number;
                breached: number;
                open: number;
                metPercent: number | null;
              };
              resolution: {
                met: number;
                breached: number;
                open: number;
                metPercent: number | null;
              };
              pendingMinutes: number;
              byPriority: {
                P1: {
                  tickets: number;
                  met: number;
                  breached: number;
                  open: number;
                  compliancePercent: number | null;
                  medianResponseMinutes: number | null;
                  response: {
                    met: number;
                    breached: number;
                    open: number;
                    metPercent: number | null;
                  };
                  resolution: {
                    met: number;
                    breached: number;
                    open: number;
                    metPercent: number | null;
                  };
                  pendingMinutes: number;
                };
                P2: {
                  tickets: number;
                  met: number;
                  breached: number;
                  open: number;
                  compliancePercent: number | null;
                  medianResponseMinutes: number | null;
                  response: {
                    met: number;
                    breached: number;
                    open: number;
                    metPercent: number | null;
                  };
                  resolution: {
                    met: number;
                    breached: number;
                    open: number;
                    metPercent: number | null;
                  };
                  pendingMinutes: number;
                };
                P3: {
                  tickets: number;
                  met: number;
                  breached: number;
                  open: number;
                  compliancePercent: number | null;
                  medianResponseMinutes: number | null;
                  response: {
                    met: number;
                    breached: number;
                    open: number;
                    metPercent: number | null;
                  };
                  resolution: {
                    met: number;
                    breached: number;
                    open: number;
                    metPercent: number | null;
                  };
                  pendingMinutes: number;
                };
                P4: {
                  tickets: number;
                  met: number;
                  breached: number;
                  open: number;
                  compliancePercent: number | null;
                  medianResponseMinutes: number | null;
                  response: {
                    met: number;
                    breached: number;
                    open: number;
                    metPercent: number | null;
                  };
                  resolution: {
                    met: number;
                    breached: number;
                    open: number;
                    metPercent: number | null;
                  };
                  pendingMinutes: number;
                };
              };
            };
          };
          "text/csv": string;
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postAdminMonthClose: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          month: string;
        };
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            month: string;
            enqueuedJobs: number;
            /** @enum {string} */
            invoicing: "configured" | "not_configured";
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict" | "month_not_ended";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getAdminMonthCloseStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            closedThrough: string | null;
            runs: {
              month: string;
              startedAt: string;
              enqueuedJobs: number;
            }[];
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getSettingsProvider: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            legalName: string;
            invoiceNumberPrefix: string;
            paymentTermsDays: number;
            vatRatePercent: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  putSettingsProvider: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          legalName: string;
          address: {
            street: string;
            postcode: string;
            city: string;
            countryCode: string;
          };
          vatId: string | null;
          taxNumber: string | null;
          contact: {
            name: string;
            phone: string;
            /** Format: email */
            email: string;
          };
          bank: {
            iban: string;
            bic: string | null;
            holder: string;
          };
          invoiceNumberPrefix?: string;
          paymentTermsDays?: number;
          vatRatePercent?: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            legalName: string;
            invoiceNumberPrefix: string;
            paymentTermsDays: number;
            vatRatePercent: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getInvoices: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        customerId?: string;
        from?: string;
        to?: string;
        status?: "issued" | "credited" | "partially_credited";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: ({
              id: string;
              number: string | null;
              typeCode: 380 | 381;
              status: string;
              issueDate: string | null;
              dueDate: string | null;
              /** @constant */
              currency: "EUR";
              customerId: string;
            } & {
              [key: string]: unknown;
            })[];
            cursor?: string;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  postInvoicesInvoiceIdCreditNote: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and body answer the first answer again */
        "Idempotency-Key"?: string;
      };
      path: {
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
          lines?: {
            invoiceLineId: string;
            netCents?: number;
            description?: string;
          }[];
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string | null;
            typeCode: 380 | 381;
            status: string;
            issueDate: string | null;
            dueDate: string | null;
            /** @constant */
            currency: "EUR";
            customerId: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Refused by a business rule or an idempotency conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "idempotency_conflict" | "credit_exceeds_invoice";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  getInvoicesInvoiceId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        invoiceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string | null;
            typeCode: 380 | 381;
            status: string;
            issueDate: string | null;
            dueDate: string | null;
            /** @constant */
            currency: "EUR";
            customerId: string;
          } & {
            [key: string]: unknown;
          };
          "application/xml": string;
          "application/pdf": string;
        };
      };
      /** @description The request is not valid (`details` names each field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "validation_failed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description No valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unauthorized";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The caller's role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "forbidden";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Not found (also another customer's resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "not_found";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The path does not take this method */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "method_not_allowed";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is larger than 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "payload_too_large";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The body is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "unsupported_media_type";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description Internal error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            error: {
              /** @enum {string} */
              code: "internal";
              message: string;
              details?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
}
