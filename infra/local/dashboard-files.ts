import type { IncomingMessage, ServerResponse } from "node:http";
import { buildDashboard, type DashboardFiles, dashboardSourceStamp } from "../dashboard-build.js";

/** The static side of the local API server: the dashboard at `/`, as CloudFront serves it deployed. */
export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * The page may load and call only its own origin: no inline script or style, no frames, no plugins.
 * Deployed, CloudFront's response headers policy sets the same, with the API's origin in connect-src.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const DASHBOARD_HEADERS: Record<string, string> = {
  "content-security-policy": DASHBOARD_CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  // Small files that change while `npm start` runs: always revalidate.
  "cache-control": "no-cache",
};

const CONTENT_TYPES: Record<keyof DashboardFiles | "config.json", string> = {
  "index.html": "text/html; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
  "styles.css": "text/css; charset=utf-8",
  "config.json": "application/json",
};

function isServed(name: string): name is keyof typeof CONTENT_TYPES {
  return Object.hasOwn(CONTENT_TYPES, name);
}

/**
 * Serves the dashboard built from `sourceDir` for GET and HEAD of `/`, `/index.html`, `/app.js`,
 * `/styles.css` and `/config.json`, and nothing else: a request path never becomes a file path, so
 * there is nothing to traverse. The build is redone when a source file changes (edit, reload).
 * `config.json` is generated: locally the API is on the same origin, so `apiBaseUrl` is empty and
 * there is no hosted UI. Answers false for anything else; the API server then replies with its 404.
 */
export function dashboardFiles(
  sourceDir: string,
  config: Record<string, unknown> = { apiBaseUrl: "" },
): StaticHandler {
  let cached: { stamp: string; files: Promise<DashboardFiles> } | null = null;
  const files = (): Promise<DashboardFiles> => {
    const stamp = dashboardSourceStamp(sourceDir);
    if (!cached || cached.stamp !== stamp) cached = { stamp, files: buildDashboard(sourceDir) };
    return cached.files;
  };
  const configBody = Buffer.from(JSON.stringify(config));

  return async (request, response) => {
    const method = request.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") return false;
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const name = pathname === "/" ? "index.html" : pathname.slice(1);
    if (!isServed(name)) return false;
    let body: Buffer;
    try {
      body = name === "config.json" ? configBody : (await files())[name];
    } catch (error) {
      cached = null;
      console.error("dashboard build failed", error);
      response.writeHead(500, { ...DASHBOARD_HEADERS, "content-type": "text/plain; charset=utf-8" });
      response.end("The dashboard could not be built; see the server's log.");
      return true;
    }
    response.writeHead(200, {
      ...DASHBOARD_HEADERS,
      "content-type": CONTENT_TYPES[name],
      "content-length": String(body.byteLength),
    });
    response.end(method === "HEAD" ? undefined : body);
    return true;
  };
}
