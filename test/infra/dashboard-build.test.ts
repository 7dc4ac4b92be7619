import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDashboard, dashboardSourceStamp, writeDashboard } from "../../infra/dashboard-build.js";
import { repoRoot } from "../../infra/local/paths.js";

const source = join(repoRoot, "dashboard");

describe("dashboard build", () => {
  it("keeps the page under 50 KB uncompressed, script, styles and HTML together", async () => {
    const files = await buildDashboard(source);
    const total = Object.values(files).reduce((sum, file) => sum + file.byteLength, 0);
    expect(total).toBeLessThan(50 * 1024);
  });

  it("bundles the modules into one script that loads nothing else", async () => {
    const { "app.js": script, "index.html": html } = await buildDashboard(source);
    const text = script.toString("utf8");
    expect(text).not.toMatch(/\bimport\s*[{*"']/);
    expect(text).toContain("/oauth2/authorize");
    expect(html.toString("utf8")).not.toMatch(/<script>|style=/);
  });

  it("writes a deployable folder with the given config.json, the default one, or none", async () => {
    const out = mkdtempSync(join(tmpdir(), "koad-dashboard-"));
    await writeDashboard(source, out, {
      apiBaseUrl: "https://api.example.com",
      cognito: { domain: "https://auth.example.com", clientId: "abc" },
    });
    expect(readdirSync(out).sort()).toEqual(["app.js", "config.json", "index.html", "styles.css"]);
    expect(JSON.parse(readFileSync(join(out, "config.json"), "utf8")).apiBaseUrl).toBe(
      "https://api.example.com",
    );
    const plain = mkdtempSync(join(tmpdir(), "koad-dashboard-"));
    await writeDashboard(source, plain);
    expect(JSON.parse(readFileSync(join(plain, "config.json"), "utf8"))).toEqual({ apiBaseUrl: "" });
    const bare = mkdtempSync(join(tmpdir(), "koad-dashboard-"));
    await writeDashboard(source, bare, false);
    expect(readdirSync(bare)).not.toContain("config.json");
  });

  it("changes its source stamp when a file inside a subfolder (a view) changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "koad-stamp-"));
    mkdirSync(join(dir, "views"));
    writeFileSync(join(dir, "views", "bookings.js"), "export const a = 1;");
    const before = dashboardSourceStamp(dir);
    writeFileSync(join(dir, "views", "bookings.js"), "export const a = 12;");
    expect(dashboardSourceStamp(dir)).not.toBe(before);
    rmSync(dir, { recursive: true, force: true });
  });
});
