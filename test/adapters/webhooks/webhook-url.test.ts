import { describe, expect, it } from "vitest";
import { classifyAddress, isPublicAddress } from "../../../adapters/webhooks/address-policy.js";
import { validateWebhookUrl } from "../../../adapters/webhooks/webhook-url.js";

const reasonOf = (url: string, mode: "deployed" | "local" = "deployed") => {
  const check = validateWebhookUrl(url, mode);
  return check.ok ? "ok" : check.reason;
};

describe("validateWebhookUrl, deployed", () => {
  it("takes an https URL to a public host name or address", () => {
    expect(reasonOf("https://hooks.example.com/koad?team=7")).toBe("ok");
    expect(reasonOf("https://8.8.8.8/koad")).toBe("ok");
    expect(reasonOf("https://[2606:4700:4700::1111]:8443/koad")).toBe("ok");
  });

  it("refuses plain http, and every scheme but https", () => {
    expect(reasonOf("http://hooks.example.com/koad")).toBe("scheme_not_allowed");
    expect(reasonOf("http://127.0.0.1:8080/koad")).toBe("scheme_not_allowed");
    expect(reasonOf("ftp://hooks.example.com/koad")).toBe("scheme_not_allowed");
    expect(reasonOf("file:///etc/passwd")).toBe("scheme_not_allowed");
  });

  it("refuses loopback, private, link-local (the metadata address) and CGNAT literals", () => {
    expect(validateWebhookUrl("https://127.0.0.1/", "deployed")).toMatchObject({
      ok: false,
      reason: "address_not_allowed",
      addressClass: "loopback",
    });
    expect(reasonOf("https://[::1]/")).toBe("address_not_allowed");
    expect(reasonOf("https://10.0.0.5/")).toBe("address_not_allowed");
    expect(reasonOf("https://169.254.169.254/latest/meta-data/")).toBe("address_not_allowed");
    expect(reasonOf("https://100.64.0.1/")).toBe("address_not_allowed");
    expect(reasonOf("https://[fd00::1]/")).toBe("address_not_allowed");
    expect(reasonOf("https://[::ffff:127.0.0.1]/")).toBe("address_not_allowed");
  });

  it("refuses the spellings of loopback that URL parsing turns into 127.0.0.1", () => {
    expect(reasonOf("https://2130706433/")).toBe("address_not_allowed");
    expect(reasonOf("https://0x7f.1/")).toBe("address_not_allowed");
  });

  it("refuses localhost and single-label names", () => {
    expect(reasonOf("https://localhost/")).toBe("host_not_allowed");
    expect(reasonOf("https://api.localhost/")).toBe("host_not_allowed");
    expect(reasonOf("https://intranet/")).toBe("host_not_allowed");
  });

  it("refuses credentials, fragments, relative and overlong URLs", () => {
    expect(reasonOf("https://user:secret@hooks.example.com/")).toBe("credentials_in_url");
    expect(reasonOf("https://hooks.example.com/#x")).toBe("fragment_not_allowed");
    expect(reasonOf("/webhooks/koad")).toBe("invalid_url");
    expect(reasonOf(`https://hooks.example.com/${"a".repeat(2048)}`)).toBe("too_long");
  });
});

describe("validateWebhookUrl, local", () => {
  it("also takes http://127.0.0.1:<port>", () => {
    expect(reasonOf("http://127.0.0.1:4010/hook", "local")).toBe("ok");
  });

  it("refuses any other plain-http target, even locally", () => {
    expect(reasonOf("http://127.0.0.1/hook", "local")).toBe("scheme_not_allowed");
    expect(reasonOf("http://localhost:4010/hook", "local")).toBe("scheme_not_allowed");
    expect(reasonOf("http://[::1]:4010/hook", "local")).toBe("scheme_not_allowed");
    expect(reasonOf("http://10.0.0.5:4010/hook", "local")).toBe("scheme_not_allowed");
  });
});

describe("classifyAddress", () => {
  it("names the class of every special-purpose range", () => {
    const cases: [string, string][] = [
      ["127.0.0.1", "loopback"],
      ["127.255.255.254", "loopback"],
      ["::1", "loopback"],
      ["10.0.0.5", "private"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["192.168.1.1", "private"],
      ["fd00::1", "private"],
      ["fc00::1", "private"],
      ["169.254.169.254", "link_local"],
      ["fe80::1", "link_local"],
      ["100.64.0.1", "shared"],
      ["100.127.255.255", "shared"],
      ["0.0.0.0", "unspecified"],
      ["0.1.2.3", "unspecified"],
      ["::", "unspecified"],
      ["224.0.0.1", "multicast"],
      ["239.255.255.250", "multicast"],
      ["ff02::1", "multicast"],
      ["255.255.255.255", "reserved"],
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["::ffff:10.0.0.5", "private"],
      ["::ffff:169.254.169.254", "link_local"],
      ["0:0:0:0:0:ffff:a9fe:a9fe", "link_local"],
      ["64:ff9b::7f00:1", "reserved"],
      ["2002:7f00:1::", "reserved"],
      ["not-an-address", "invalid"],
    ];
    for (const [address, expected] of cases)
      expect([address, classifyAddress(address)]).toEqual([address, expected]);
  });

  it("lets public unicast addresses through, including the neighbours of private ranges", () => {
    for (const address of [
      "8.8.8.8",
      "172.15.255.255",
      "172.32.0.1",
      "100.63.255.255",
      "100.128.0.1",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
    ]) {
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
    }
  });
});
