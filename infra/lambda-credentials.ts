import { type FromEnvInit, fromEnv } from "@aws-sdk/credential-provider-env";

/**
 * What the Lambda bundles use in place of `@aws-sdk/credential-provider-node` (esbuild `alias`, see
 * infra/bundling.ts). Lambda hands a function its role's credentials in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is the first place the
 * default chain looks; the rest of that chain (SSO, INI files, credential processes, web identity,
 * IMDS, with the STS and SSO clients they carry) is never reached on Lambda but adds about 135 KB to
 * every bundle and to its cold start. Anything that is not bundled (tests, `npm start`) keeps the
 * SDK's full default chain.
 */
export const defaultProvider = (init?: FromEnvInit) => fromEnv(init);
