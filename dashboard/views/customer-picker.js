import { bind, byId, h, watch } from "./dom.js";
import { words } from "./words.js";

/**
 * Staff pick any customer, by name, from a list in the header.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("../store.js").Store<State>} AppStore
 */

/**
 * @param {AppStore} store
 * @param {{ pickCustomer: (customerId: string) => void }} actions
 */
export function mountCustomerPicker(store, actions) {
  const picker = /** @type {HTMLSelectElement} */ (byId("customer-picker"));
  picker.addEventListener("change", () => actions.pickCustomer(picker.value));
  watch(
    store,
    (s) => [s.view, s.customers],
    (s) => {
      byId("picker").hidden = s.view === "signin" || s.customers?.status !== "loaded";
    },
  );
  bind(
    store,
    picker,
    (s) => [s.language, s.customers, s.customerId],
    (s) => {
      if (s.customers?.status !== "loaded") return null;
      const { locale } = words(s.language);
      /** @type {any[]} */
      const customers = [...s.customers.data].sort((a, b) =>
        String(a.name).localeCompare(String(b.name), locale),
      );
      return customers.map((c) => h("option", { value: c.id, selected: c.id === s.customerId }, c.name));
    },
  );
}
