import { hostedUiSignInUrl } from "../format.js";
import { bind, byId, h } from "./dom.js";
import { words } from "./words.js";

/**
 * The sign-in: a field for a token, the reason the last sign-in ended (malformed, expired, refused)
 * and, when deployed with Cognito, the link to its hosted UI.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("../store.js").Store<State>} AppStore
 */

/**
 * @param {AppStore} store
 * @param {{ signIn: (token: string) => void }} actions
 */
export function mountSignIn(store, actions) {
  byId("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ (byId("token-input"));
    const token = input.value.trim();
    input.value = "";
    actions.signIn(token);
  });
  bind(
    store,
    byId("signin-message"),
    (s) => [s.language, s.signInMessage],
    (s, { element }) => {
      element.hidden = !s.signInMessage;
      return s.signInMessage ? words(s.language).t(s.signInMessage.key, s.signInMessage.values) : "";
    },
  );
  bind(
    store,
    byId("hosted-ui"),
    (s) => [s.language, s.config.cognito],
    (s) => {
      const cognito = s.config.cognito;
      if (!cognito) return null;
      const href = hostedUiSignInUrl(cognito, `${location.origin}${location.pathname}`);
      return h("a", { class: "button", href }, words(s.language).t("signInHostedUi"));
    },
  );
}
