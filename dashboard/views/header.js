import { isStaff } from "../format.js";
import { knownKey } from "../i18n.js";
import { bind, byId, watch } from "./dom.js";
import { words } from "./words.js";

/**
 * The header (the customer's name, refresh, language, sign-out) and the page's fixed words: the
 * title, `lang`, and every element of index.html marked `data-i18n`.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("../store.js").Store<State>} AppStore
 */

/**
 * @param {AppStore} store
 * @param {{ signOut: () => void, refresh: () => void, toggleLanguage: () => void }} actions
 */
export function mountHeader(store, actions) {
  byId("sign-out").addEventListener("click", actions.signOut);
  byId("refresh").addEventListener("click", actions.refresh);
  byId("language").addEventListener("click", actions.toggleLanguage);
  watch(
    store,
    (s) => [s.language],
    (s) => {
      const { t } = words(s.language);
      document.documentElement.lang = s.language;
      document.title = t("title");
      document.querySelectorAll("[data-i18n]").forEach((element) => {
        const key = knownKey(/** @type {HTMLElement} */ (element).dataset.i18n ?? "");
        if (key) element.textContent = t(key);
      });
    },
  );
  watch(
    store,
    (s) => [s.view],
    (s) => {
      const signedIn = s.view !== "signin";
      byId("sign-out").hidden = !signedIn;
      byId("refresh").hidden = !signedIn;
    },
  );
  // Staff see the customer in the picker instead.
  bind(
    store,
    byId("customer-name"),
    (s) => [s.view, s.claims, s.customer],
    (s) => (s.view !== "signin" && s.claims && !isStaff(s.claims) ? (s.customer?.name ?? "") : ""),
  );
}
